package org.cutover.mxproof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cutover.testsupport.FreePort;
import org.cutover.testsupport.RealServers;

/**
 * A Postfix of its own for a test, as the mail exchanger of {@code contoso.test}: its own
 * config_directory, queue_directory and data_directory under the test's folder, smtpd on 127.0.0.1
 * at a free port, and a texthash map of the known recipients, so that any other address at the
 * domain gets {@code 550 5.1.1} at RCPT. Offers STARTTLS with a self-signed certificate for {@code
 * localhost}. Postfix's master starts as root (as CI runs); the test stops it by its PID.
 */
final class PrivatePostfix implements AutoCloseable {

  static final String DOMAIN = "contoso.test";
  private static final Path POSTFIX = Path.of("/usr/sbin/postfix");

  private final Path dir;
  private final int port;
  private final long masterPid;

  private PrivatePostfix(Path dir, int port, long masterPid) {
    this.dir = dir;
    this.port = port;
    this.masterPid = masterPid;
  }

  /**
   * Starts one that knows {@code recipients} and answers 452 after {@code recipientLimit} RCPTs in
   * one transaction. Skips the test without Postfix or root, or fails it when {@code CI=true}.
   */
  static PrivatePostfix start(Path parent, List<String> recipients, int recipientLimit)
      throws IOException, InterruptedException {
    RealServers.require(Files.isExecutable(POSTFIX), "Postfix (Debian package postfix)");
    RealServers.require(
        "root".equals(System.getProperty("user.name")), "root, which Postfix's master needs,");
    Path dir = parent.resolve("postfix");
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path queue = Files.createDirectories(dir.resolve("queue"));
    Path data = Files.createDirectories(dir.resolve("data"));
    // Postfix's daemons run as the postfix user and must reach the folders.
    for (Path path : List.of(parent, dir, conf)) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    UserPrincipal postfix =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix");
    Files.setOwner(data, postfix);
    certificate(conf);
    Files.writeString(
        conf.resolve("recipients"),
        String.join("", recipients.stream().map(r -> r + " known\n").toList()));
    int port = FreePort.pick();
    Files.writeString(conf.resolve("main.cf"), mainCf(dir, recipientLimit));
    Files.writeString(conf.resolve("master.cf"), masterCf(port));
    run(POSTFIX.toString(), "-c", conf.toString(), "check");
    run(POSTFIX.toString(), "-c", conf.toString(), "start");
    long pid = Long.parseLong(Files.readString(queue.resolve("pid/master.pid")).strip());
    PrivatePostfix server = new PrivatePostfix(dir, port, pid);
    try {
      Awaitility.await("Postfix smtpd on 127.0.0.1:" + port)
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(
              () -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                  return socket.getInputStream().read() == '2';
                }
              });
    } catch (RuntimeException e) {
      server.close();
      throw new IllegalStateException("Postfix did not start:\n" + server.log(), e);
    }
    return server;
  }

  int port() {
    return port;
  }

  /** The self-signed certificate smtpd offers with STARTTLS (PEM). */
  Path certificate() {
    return dir.resolve("conf/cert.pem");
  }

  String log() {
    try {
      Path log = dir.resolve("maillog");
      return Files.exists(log) ? Files.readString(log) : "(no maillog)";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many messages the queue holds (the probe must never leave one). */
  long queuedMessages() throws IOException {
    long count = 0;
    for (String queue : List.of("incoming", "active", "deferred", "hold", "maildrop")) {
      Path folder = dir.resolve("queue").resolve(queue);
      if (Files.isDirectory(folder)) {
        try (var files = Files.walk(folder)) {
          count += files.filter(Files::isRegularFile).count();
        }
      }
    }
    return count;
  }

  @Override
  public void close() {
    ProcessHandle.of(masterPid)
        .ifPresent(
            master -> {
              master.destroy();
              master.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
  }

  private static String mainCf(Path dir, int recipientLimit) {
    return """
        compatibility_level = 3.6
        queue_directory = %1$s/queue
        data_directory = %1$s/data
        command_directory = /usr/sbin
        daemon_directory = /usr/lib/postfix/sbin
        meta_directory = /etc/postfix
        shlib_directory = /usr/lib/postfix
        mail_owner = postfix
        setgid_group = postdrop
        maillog_file = %1$s/maillog
        maillog_file_prefixes = %1$s
        inet_interfaces = 127.0.0.1
        inet_protocols = ipv4
        myhostname = mx.%2$s
        mydestination =
        # The test's client is a stranger, as the internet is to a real MX.
        mynetworks = 192.0.2.1/32
        relay_domains = %2$s
        relay_recipient_maps = texthash:%1$s/conf/recipients
        smtpd_recipient_limit = %3$d
        smtpd_tls_security_level = may
        smtpd_tls_cert_file = %1$s/conf/cert.pem
        smtpd_tls_key_file = %1$s/conf/key.pem
        """
        .formatted(dir, DOMAIN, recipientLimit);
  }

  private static String masterCf(int port) {
    return """
        127.0.0.1:%d inet n - n - - smtpd
        pickup    unix n - n 60 1 pickup
        cleanup   unix n - n - 0 cleanup
        qmgr      unix n - n 300 1 qmgr
        tlsmgr    unix - - n 1000? 1 tlsmgr
        rewrite   unix - - n - - trivial-rewrite
        bounce    unix - - n - 0 bounce
        defer     unix - - n - 0 bounce
        trace     unix - - n - 0 bounce
        verify    unix - - n - 1 verify
        flush     unix n - n 1000? 0 flush
        proxymap  unix - - n - - proxymap
        smtp      unix - - n - - smtp
        relay     unix - - n - - smtp
        error     unix - - n - - error
        retry     unix - - n - - error
        discard   unix - - n - - discard
        anvil     unix - - n - 1 anvil
        scache    unix - - n - 1 scache
        postlog   unix-dgram n - n - 1 postlogd
        """
        .formatted(port);
  }

  private static void certificate(Path conf) throws IOException, InterruptedException {
    RealServers.require(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl");
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost",
        "-keyout",
        conf.resolve("key.pem").toString(),
        "-out",
        conf.resolve("cert.pem").toString());
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroy();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }
}
