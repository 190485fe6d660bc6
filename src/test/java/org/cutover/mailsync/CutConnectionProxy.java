package org.cutover.mailsync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of an IMAP server that cuts the connection once: either when the
 * server's answer to the n-th APPEND passes (the message is stored but the client never learns it),
 * or in the middle of the n-th APPEND the client sends (nothing is stored).
 */
final class CutConnectionProxy implements AutoCloseable {

  enum Cut {
    LOSE_APPEND_ANSWER("OK [APPENDUID", false),
    CUT_APPEND_REQUEST("APPEND ", true);

    final byte[] marker;
    final boolean fromClient;

    Cut(String marker, boolean fromClient) {
      this.marker = marker.getBytes(StandardCharsets.ISO_8859_1);
      this.fromClient = fromClient;
    }
  }

  private final ServerSocket listener;
  private final int upstreamPort;
  private final Cut cut;
  private final int cutAt;
  private final AtomicInteger seen = new AtomicInteger();
  private final AtomicInteger cuts = new AtomicInteger();
  private final List<Socket> sockets = new ArrayList<>();

  CutConnectionProxy(int upstreamPort, Cut cut, int cutAt) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.upstreamPort = upstreamPort;
    this.cut = cut;
    this.cutAt = cutAt;
    Thread accept = new Thread(this::accept, "proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  int cuts() {
    return cuts.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        pump(client, server, cut.fromClient);
        pump(server, client, !cut.fromClient);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean watched) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[65536];
              byte[] carry = new byte[0];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                  if (watched && cuts.get() == 0) {
                    int at = markerEnd(carry, buf, n);
                    if (at >= 0) {
                      // forward half of what precedes the cut point when cutting a request
                      if (cut.fromClient) {
                        out.write(buf, 0, Math.max(0, at) / 2 + 1);
                        out.flush();
                      }
                      cuts.incrementAndGet();
                      from.close();
                      to.close();
                      return;
                    }
                    carry = tail(carry, buf, n);
                  }
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // connection closed on one side
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Counts markers that end inside the new bytes; returns the index in {@code buf} where the
   * watched (cutAt-th) marker ends, or -1.
   */
  private int markerEnd(byte[] carry, byte[] buf, int n) {
    byte[] all = new byte[carry.length + n];
    System.arraycopy(carry, 0, all, 0, carry.length);
    System.arraycopy(buf, 0, all, carry.length, n);
    byte[] m = cut.marker;
    for (int i = 0; i + m.length <= all.length; i++) {
      int end = i + m.length;
      if (end <= carry.length) {
        continue;
      }
      boolean match = true;
      for (int j = 0; j < m.length && match; j++) {
        match = all[i + j] == m[j];
      }
      if (match && seen.incrementAndGet() == cutAt) {
        return end - carry.length;
      }
    }
    return -1;
  }

  private byte[] tail(byte[] carry, byte[] buf, int n) {
    int keep = cut.marker.length - 1;
    byte[] all = new byte[carry.length + n];
    System.arraycopy(carry, 0, all, 0, carry.length);
    System.arraycopy(buf, 0, all, carry.length, n);
    int from = Math.max(0, all.length - keep);
    byte[] out = new byte[all.length - from];
    System.arraycopy(all, from, out, 0, out.length);
    return out;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (sockets) {
      sockets.forEach(CutConnectionProxy::closeQuietly);
    }
  }
}
