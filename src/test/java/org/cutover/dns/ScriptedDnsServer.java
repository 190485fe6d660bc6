package org.cutover.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import java.util.function.Function;
import org.xbill.DNS.Message;

/**
 * A DNS server for tests that answers each question with whatever the script returns, so that
 * faults (SERVFAIL, missing AA flag, silence, truncation) can be produced on purpose. An empty
 * answer means silence. TCP is served only when a TCP script is given.
 */
final class ScriptedDnsServer implements AutoCloseable {

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Thread udpThread;
  private final Thread tcpThread;

  ScriptedDnsServer(
      Function<Message, Optional<byte[]>> udpScript, Function<Message, Optional<byte[]>> tcpScript)
      throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
    tcp = tcpScript == null ? null : new ServerSocket(udp.getLocalPort(), 5, loopback);
    udpThread = new Thread(() -> serveUdp(udpScript), "scripted-dns-udp");
    udpThread.setDaemon(true);
    udpThread.start();
    if (tcp != null) {
      tcpThread = new Thread(() -> serveTcp(tcpScript), "scripted-dns-tcp");
      tcpThread.setDaemon(true);
      tcpThread.start();
    } else {
      tcpThread = null;
    }
  }

  static ScriptedDnsServer udpOnly(Function<Message, Optional<byte[]>> script) throws IOException {
    return new ScriptedDnsServer(script, null);
  }

  NameServer nameServer() {
    return new NameServer(
        "scripted.test.", new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort()));
  }

  private void serveUdp(Function<Message, Optional<byte[]>> script) {
    byte[] buffer = new byte[65535];
    while (!udp.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        udp.receive(packet);
        byte[] data = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
        Optional<byte[]> reply = script.apply(new Message(data));
        if (reply.isPresent()) {
          udp.send(new DatagramPacket(reply.get(), reply.get().length, packet.getSocketAddress()));
        }
      } catch (SocketException e) {
        return;
      } catch (IOException e) {
        // a malformed question is ignored, as a real server would
      }
    }
  }

  private void serveTcp(Function<Message, Optional<byte[]>> script) {
    while (!tcp.isClosed()) {
      try (Socket socket = tcp.accept()) {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] data = new byte[in.readUnsignedShort()];
        in.readFully(data);
        Optional<byte[]> reply = script.apply(new Message(data));
        if (reply.isPresent()) {
          DataOutputStream out = new DataOutputStream(socket.getOutputStream());
          out.writeShort(reply.get().length);
          out.write(reply.get());
          out.flush();
        }
      } catch (IOException e) {
        if (tcp.isClosed()) {
          return;
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    udp.close();
    if (tcp != null) {
      tcp.close();
    }
    udpThread.join(2000);
    if (tcpThread != null) {
      tcpThread.join(2000);
    }
  }
}
