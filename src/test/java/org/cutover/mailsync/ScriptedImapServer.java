package org.cutover.mailsync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal IMAP server for login tests: greets with the given capabilities, answers AUTHENTICATE
 * (initial response) by asking {@code accept}, and answers CAPABILITY, EXAMINE, UID FETCH (with
 * {@link #fetchReply}) and LOGOUT. Records every command line it receives.
 */
final class ScriptedImapServer implements AutoCloseable {

  interface Authenticator {
    boolean accept(String mechanism, String initialResponse);
  }

  private final ServerSocket listener;
  private final String capabilities;
  private final Authenticator authenticator;
  final List<String> received = new CopyOnWriteArrayList<>();

  /** The untagged lines a UID FETCH is answered with. */
  volatile List<String> fetchReply = List.of();

  ScriptedImapServer(String capabilities, Authenticator authenticator) throws IOException {
    this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.capabilities = capabilities;
    this.authenticator = authenticator;
    Thread t = new Thread(this::serve, "scripted-imap");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void serve() {
    while (!listener.isClosed()) {
      try (Socket s = listener.accept()) {
        converse(s);
      } catch (IOException e) {
        // next connection
      }
    }
  }

  private void converse(Socket s) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    OutputStream out = s.getOutputStream();
    send(out, "* OK [CAPABILITY " + capabilities + "] scripted server ready");
    String line;
    while ((line = in.readLine()) != null) {
      received.add(line);
      String[] p = line.split(" ");
      String tag = p[0];
      String cmd = p.length > 1 ? p[1].toUpperCase(java.util.Locale.ROOT) : "";
      switch (cmd) {
        case "CAPABILITY" -> {
          send(out, "* CAPABILITY " + capabilities);
          send(out, tag + " OK done");
        }
        case "AUTHENTICATE" -> {
          String mech = p[2];
          String initial = p.length > 3 ? p[3] : null;
          if (initial == null) {
            send(out, "+ ");
            initial = in.readLine();
            received.add(initial);
          }
          if (authenticator.accept(mech, initial)) {
            send(out, tag + " OK [CAPABILITY " + capabilities + "] logged in");
          } else {
            send(out, tag + " NO [AUTHENTICATIONFAILED] invalid credentials");
          }
        }
        case "EXAMINE" -> {
          send(out, "* 3 EXISTS");
          send(out, "* OK [UIDVALIDITY 7] ok");
          send(out, "* OK [UIDNEXT 4] ok");
          send(out, tag + " OK [READ-ONLY] done");
        }
        case "UID" -> {
          for (String reply : fetchReply) {
            send(out, reply);
          }
          send(out, tag + " OK done");
        }
        case "LOGOUT" -> {
          send(out, "* BYE bye");
          send(out, tag + " OK done");
          return;
        }
        default -> send(out, tag + " BAD unknown command");
      }
    }
  }

  private static void send(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
