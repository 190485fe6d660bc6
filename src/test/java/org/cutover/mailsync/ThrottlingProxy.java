package org.cutover.mailsync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback proxy in front of an IMAP server that answers the first {@code times} SELECT commands
 * itself with a throttling refusal, as a busy server would, and passes everything else through. A
 * refusal that is an untagged BYE ({@code * BYE ...}) is sent as it is and the connection closed.
 */
final class ThrottlingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int upstreamPort;
  private final int times;
  private final String refusal;
  private final AtomicInteger refused = new AtomicInteger();

  ThrottlingProxy(int upstreamPort, int times, String refusal) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.upstreamPort = upstreamPort;
    this.times = times;
    this.refusal = refusal;
    Thread t = new Thread(this::accept, "throttling-proxy");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  int refused() {
    return refused.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        Object clientWrites = new Object();
        start(() -> fromClient(client, server, clientWrites));
        start(() -> copy(server, client, clientWrites));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void start(Runnable r) {
    Thread t = new Thread(r, "throttling-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /** Client to server; a SELECT command line (sent whole by the client) may be answered here. */
  private void fromClient(Socket client, Socket server, Object clientWrites) {
    byte[] buf = new byte[65536];
    try (InputStream in = client.getInputStream();
        OutputStream up = server.getOutputStream();
        OutputStream down = client.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) > 0) {
        String text = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        int sp = text.indexOf(' ');
        boolean select =
            sp > 0
                && text.endsWith("\r\n")
                && text.indexOf("\r\n") == n - 2
                && text.substring(sp + 1).toUpperCase(java.util.Locale.ROOT).startsWith("SELECT ");
        if (select && refused.get() < times) {
          refused.incrementAndGet();
          boolean bye = refusal.startsWith("* BYE");
          synchronized (clientWrites) {
            down.write(
                ((bye ? "" : text.substring(0, sp) + " ") + refusal + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            down.flush();
          }
          if (bye) {
            return;
          }
          continue;
        }
        up.write(buf, 0, n);
        up.flush();
      }
    } catch (IOException e) {
      // one side closed
    } finally {
      close(client);
      close(server);
    }
  }

  private static void copy(Socket from, Socket to, Object writes) {
    byte[] buf = new byte[65536];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (writes) {
          out.write(buf, 0, n);
          out.flush();
        }
      }
    } catch (IOException e) {
      // one side closed
    } finally {
      close(from);
      close(to);
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
