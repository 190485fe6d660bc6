package org.cutover.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback SMTP proxy in front of a real SMTP server that misbehaves on request: turns
 * connections away with 421, answers chosen RCPT TO commands itself (4xx or 5xx), cuts the
 * connection after the server took a message but before its answer reaches the client, or goes down
 * after some messages and comes back up on the same port. Everything else passes through. Commands
 * are read line by line (no STARTTLS, no pipelining).
 */
public final class FaultySmtpProxy implements AutoCloseable {

  private record RcptAnswer(String reply, AtomicInteger times) {}

  private final int upstreamPort;
  private final int port;
  private final AtomicInteger busyGreetings = new AtomicInteger();
  private final Map<String, RcptAnswer> rcptAnswers = new ConcurrentHashMap<>();
  private final AtomicInteger messages = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile int cutAfterMessage = -1;
  private volatile int downAfterMessages = -1;
  private volatile ServerSocket listener;

  public FaultySmtpProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.port = FreePort.pick();
    listen();
  }

  public int port() {
    return port;
  }

  /** Messages the upstream server has been given (each ended by the data terminator). */
  public int messages() {
    return messages.get();
  }

  /** The next {@code connections} connections are greeted with 421 and closed. */
  public FaultySmtpProxy busyGreetings(int connections) {
    busyGreetings.set(connections);
    return this;
  }

  /** The next {@code times} RCPT TO commands for the address are answered with {@code reply}. */
  public FaultySmtpProxy answerRcpt(String address, String reply, int times) {
    rcptAnswers.put(
        address.toLowerCase(Locale.ROOT), new RcptAnswer(reply, new AtomicInteger(times)));
    return this;
  }

  /**
   * The {@code n}-th message (counted from now, from 1) reaches the server, but the connection is
   * cut before the server's answer reaches the client.
   */
  public FaultySmtpProxy cutAfterMessage(int n) {
    cutAfterMessage = messages.get() + n;
    return this;
  }

  /** After the {@code n}-th message from now is answered, every connection and the port close. */
  public FaultySmtpProxy goDownAfterMessages(int n) {
    downAfterMessages = messages.get() + n;
    return this;
  }

  /** Listens on the same port again after {@link #goDownAfterMessages}. */
  public void comeBackUp() throws IOException {
    downAfterMessages = -1;
    listen();
  }

  @Override
  public void close() {
    synchronized (sockets) {
      closeQuietly(listener);
      sockets.forEach(FaultySmtpProxy::closeQuietly);
    }
  }

  private void listen() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    listener = socket;
    Thread accept = new Thread(() -> accept(socket), "smtp-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        synchronized (sockets) {
          if (socket.isClosed()) {
            // Accepted while the port was being closed: it is down, so is this connection.
            closeQuietly(client);
            return;
          }
          sockets.add(client);
        }
        Thread connection = new Thread(() -> serve(client), "smtp-proxy-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      OutputStream toClient = client.getOutputStream();
      if (busyGreetings.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        write(toClient, "421 4.3.2 Too busy, try again later\r\n");
        return;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
        sockets.add(upstream);
        Relay relay = new Relay(upstream.getInputStream(), client, toClient);
        Thread replies = new Thread(relay, "smtp-proxy-replies");
        replies.setDaemon(true);
        replies.start();
        commands(
            new java.io.BufferedInputStream(client.getInputStream()),
            upstream.getOutputStream(),
            toClient,
            relay);
      }
    } catch (IOException closed) {
      // Either side went away; so does the other.
    }
  }

  private void commands(
      InputStream fromClient, OutputStream toServer, OutputStream toClient, Relay relay)
      throws IOException {
    boolean data = false;
    byte[] line;
    while ((line = readLine(fromClient)) != null) {
      String text = new String(line, StandardCharsets.ISO_8859_1);
      if (data) {
        if (text.equals(".\r\n")) {
          data = false;
          int number = messages.incrementAndGet();
          if (number == cutAfterMessage) {
            relay.swallowNextReply = true;
          }
          if (number == downAfterMessages) {
            relay.shutDownAfterNextReply = true;
          }
        }
        toServer.write(line);
        toServer.flush();
        continue;
      }
      String command = text.toUpperCase(Locale.ROOT);
      if (command.startsWith("RCPT TO:")) {
        RcptAnswer answer = rcptAnswers.get(address(text));
        if (answer != null && answer.times().getAndDecrement() > 0) {
          write(toClient, answer.reply() + "\r\n");
          continue;
        }
      }
      if (command.startsWith("DATA")) {
        data = true;
      }
      toServer.write(line);
      toServer.flush();
    }
  }

  /** Copies the server's replies to the client, except one that is to be lost. */
  private final class Relay implements Runnable {

    private final InputStream fromServer;
    private final Socket client;
    private final OutputStream toClient;
    volatile boolean swallowNextReply;
    volatile boolean shutDownAfterNextReply;

    Relay(InputStream fromServer, Socket client, OutputStream toClient) {
      this.fromServer = fromServer;
      this.client = client;
      this.toClient = toClient;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        int read;
        while ((read = fromServer.read(buffer)) > 0) {
          if (swallowNextReply) {
            closeQuietly(client);
            return;
          }
          // Read before relaying: a flag set after the client saw this reply is for the next one.
          boolean last = shutDownAfterNextReply;
          synchronized (toClient) {
            toClient.write(buffer, 0, read);
            toClient.flush();
          }
          if (last) {
            close();
            return;
          }
        }
      } catch (IOException closed) {
        closeQuietly(client);
      }
    }
  }

  private static String address(String rcptLine) {
    int open = rcptLine.indexOf('<');
    int close = rcptLine.indexOf('>');
    String address =
        open >= 0 && close > open ? rcptLine.substring(open + 1, close) : rcptLine.substring(8);
    return address.strip().toLowerCase(Locale.ROOT);
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n') {
        return line.toByteArray();
      }
    }
    return line.size() == 0 ? null : line.toByteArray();
  }

  private static void write(OutputStream out, String text) throws IOException {
    synchronized (out) {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing is all that is left to do.
    }
  }
}
