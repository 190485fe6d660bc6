package org.cutover.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cutover.mailsync.ImapEndpoint;
import org.cutover.mailsync.ImapLogin;
import org.cutover.mailsync.TargetAccount;

/**
 * A private Cyrus IMAP server run from Debian's packages, unpacked (not installed: cyrus-imapd
 * conflicts with dovecot-imapd) into {@code target/cyrus/root}, with Debian's own imapd.conf and
 * only the paths, the password check (any password is accepted) and the admin changed. Its defaults
 * are kept, so raw 8-bit bytes in headers are replaced on APPEND (munge8bit).
 */
public final class CyrusServer implements AutoCloseable {

  private static final List<String> PACKAGES =
      List.of("cyrus-imapd", "cyrus-common", "cyrus-admin", "libical3", "libpcre3", "libxapian30");

  /** Options of Debian's imapd.conf that name paths or checks replaced here. */
  private static final Set<String> REPLACED =
      Set.of(
          "configdirectory",
          "proc_path",
          "mboxname_lockpath",
          "partition-default",
          "partition-news",
          "newsspool",
          "sievedir",
          "sasl_pwcheck_method",
          "lmtpsocket",
          "idlesocket",
          "notifysocket",
          "syslog_prefix",
          "httpmodules");

  private final Path dir;
  private final int port;
  private final Process master;

  private CyrusServer(Path dir, int port, Process master) {
    this.dir = dir;
    this.port = port;
    this.master = master;
  }

  /**
   * Starts a server with the given users' mailboxes, in a new folder under target/cyrus (not a
   * private temp folder: the server's processes run as another user where tests run as root).
   */
  public static CyrusServer start(String... users) {
    Path root = unpacked();
    Path dir = root.resolveSibling("servers").resolve(java.util.UUID.randomUUID().toString());
    try {
      Files.createDirectories(dir);
      for (String d : List.of("conf", "spool", "run", "sieve")) {
        Files.createDirectories(dir.resolve(d));
      }
      int port = FreePort.pick();
      String owner = isRoot() ? "mail" : System.getProperty("user.name");
      StringBuilder conf = new StringBuilder();
      for (String line : Files.readAllLines(root.resolve("etc/imapd.conf"))) {
        String key = line.contains(":") ? line.substring(0, line.indexOf(':')).trim() : "";
        if (!line.startsWith("#") && !line.isBlank() && !REPLACED.contains(key)) {
          conf.append(line).append('\n');
        }
      }
      conf.append("configdirectory: ")
          .append(dir.resolve("conf"))
          .append('\n')
          .append("partition-default: ")
          .append(dir.resolve("spool"))
          .append('\n')
          .append("proc_path: ")
          .append(dir.resolve("run/proc"))
          .append('\n')
          .append("mboxname_lockpath: ")
          .append(dir.resolve("run/lock"))
          .append('\n')
          .append("sievedir: ")
          .append(dir.resolve("sieve"))
          .append('\n')
          .append("lmtpsocket: ")
          .append(dir.resolve("run/lmtp"))
          .append('\n')
          .append("idlesocket: ")
          .append(dir.resolve("run/idle"))
          .append('\n')
          .append("notifysocket: ")
          .append(dir.resolve("run/notify"))
          .append('\n')
          .append("sasl_pwcheck_method: alwaystrue\n")
          .append("admins: cyrus\n")
          .append("cyrus_user: ")
          .append(owner)
          .append('\n')
          .append("cyrus_group: ")
          .append(isRoot() ? "mail" : owner)
          .append('\n')
          .append("syslog_prefix: cutover-test-cyrus\n");
      Path imapdConf = dir.resolve("imapd.conf");
      Files.writeString(imapdConf, conf);
      Path imapd = root.resolve("usr/lib/cyrus/bin/imapd");
      Files.writeString(
          dir.resolve("cyrus.conf"),
          "START {\n}\nSERVICES {\n  imap cmd=\""
              + imapd
              + " -C "
              + imapdConf
              + "\" listen=\"127.0.0.1:"
              + port
              + "\" prefork=0\n}\nEVENTS {\n}\n");
      if (isRoot()) {
        run(dir, List.of("chown", "-R", "mail:mail", dir.toString()));
      }
      ProcessBuilder pb =
          new ProcessBuilder(
                  root.resolve("usr/lib/cyrus/bin/master").toString(),
                  "-D",
                  "-C",
                  imapdConf.toString(),
                  "-M",
                  dir.resolve("cyrus.conf").toString(),
                  "-p",
                  dir.resolve("run/master.pid").toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("master.log").toFile());
      pb.environment()
          .put(
              "LD_LIBRARY_PATH",
              root.resolve("usr/lib/x86_64-linux-gnu")
                  + ":"
                  + root.resolve("lib/x86_64-linux-gnu"));
      CyrusServer server = new CyrusServer(dir, port, pb.start());
      server.awaitListening();
      for (String user : users) {
        server.admin("CREATE user." + user);
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public TargetAccount target(String user) {
    return new TargetAccount(
        ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", port),
        ImapLogin.password(user, () -> "any".toCharArray()));
  }

  /** Stops the master and the imapd processes it started, by PID, then removes the directory. */
  @Override
  public void close() {
    List<ProcessHandle> children = master.descendants().toList();
    master.destroy();
    try {
      master.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroy);
    if (master.isAlive()) {
      master.destroyForcibly();
    }
    run(dir.getParent(), List.of("rm", "-rf", dir.toString()));
  }

  private void awaitListening() {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      if (!master.isAlive()) {
        throw new IllegalStateException(
            "Cyrus master exited with "
                + master.exitValue()
                + "; see "
                + dir.resolve("master.log"));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        // Awaitility is for tests' own conditions; a server's start is polled here
        Thread.onSpinWait();
      }
    }
    throw new IllegalStateException("Cyrus did not listen on port " + port + " within 30 s");
  }

  /** Runs one command as the admin on a fresh connection; fails unless it is answered OK. */
  private void admin(String command) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      readLine(in);
      out.write("a LOGIN cyrus any\r\n".getBytes(StandardCharsets.US_ASCII));
      expectOk(in, "a");
      out.write(("b " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      expectOk(in, "b");
      out.write("c LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static void expectOk(InputStream in, String tag) throws IOException {
    for (String line = readLine(in); ; line = readLine(in)) {
      if (line.startsWith(tag + " ")) {
        if (!line.startsWith(tag + " OK")) {
          throw new IllegalStateException("Cyrus refused: " + line);
        }
        return;
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      b.append((char) c);
    }
    return b.toString().trim();
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Debian's packages unpacked once into target/cyrus/root (downloaded with apt-get download). */
  private static synchronized Path unpacked() {
    Path base = Path.of("target", "cyrus").toAbsolutePath();
    Path root = base.resolve("root");
    if (Files.isExecutable(root.resolve("usr/lib/cyrus/bin/master"))) {
      return root;
    }
    Path debs = base.resolve("debs");
    try {
      Files.createDirectories(debs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> download = new ArrayList<>(List.of("apt-get", "download"));
    download.addAll(PACKAGES);
    if (!run(debs, download)) {
      RealServers.require(
          false, "Cyrus IMAP (apt-get download " + PACKAGES + " failed in " + debs + ")");
    }
    try (var files = Files.list(debs)) {
      for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).toList()) {
        if (!run(base, List.of("dpkg-deb", "-x", deb.toString(), root.toString()))) {
          RealServers.require(false, "Cyrus IMAP (dpkg-deb -x " + deb + " failed)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  private static boolean run(Path dir, List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
