package org.cutover.testsupport.kit;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cutover.testsupport.FreePort;
import org.cutover.testsupport.RealServers;

/**
 * A Dovecot IMAP server of its own, from Debian's {@code dovecot-imapd} package, started with a
 * generated configuration (no system config) on 127.0.0.1 at a free port. Its configuration,
 * accounts, mail, state and log all live in one directory; {@link #close()} stops the master by its
 * PID and removes the directory.
 *
 * <p>Accounts: {@code userK} / {@code pass-userK} for K = 1..users, and the master user {@code
 * admin} / {@code admin-pass}, who acts for any user with SASL PLAIN (authzid) or {@code LOGIN
 * "userK*admin"}. The special-use folders are created and subscribed on first login.
 */
public final class PrivateDovecot implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/sbin/dovecot");
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-pass";
  static final String PACKAGE = "Dovecot (Debian package dovecot-imapd)";
  private static final Duration START_LIMIT = Duration.ofMinutes(2);
  private static final Duration STOP_LIMIT = Duration.ofMinutes(1);
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._/+-]+");

  private final Path dir;
  private final Path baseDir;
  private final int port;
  private final int tlsPort;
  private final long pid;
  private final DovecotOptions options;

  private PrivateDovecot(
      Path dir, Path baseDir, int port, int tlsPort, long pid, DovecotOptions options) {
    this.dir = dir;
    this.baseDir = baseDir;
    this.port = port;
    this.tlsPort = tlsPort;
    this.pid = pid;
    this.options = options;
  }

  /** True when the package is installed (the master and its IMAP process). */
  public static boolean installed() {
    return Files.isExecutable(BINARY) && Files.isExecutable(Path.of("/usr/lib/dovecot/imap"));
  }

  /**
   * Starts a server in {@code dir} (created; its path may hold only letters, digits and {@code . _
   * / + -}). Skips the calling test without Dovecot, or fails it with {@code CI=true}.
   */
  public static PrivateDovecot start(Path dir, DovecotOptions options) {
    RealServers.require(installed(), PACKAGE);
    if (options.tls()) {
      RealServers.require(
          Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl (Debian package openssl)");
    }
    for (int attempt = 1; ; attempt++) {
      int port = FreePort.pick();
      int tlsPort = options.tls() ? FreePort.pick() : 0;
      try {
        return startAt(dir, port, tlsPort, options);
      } catch (PortTaken e) {
        if (attempt >= 5) {
          throw new IllegalStateException("Dovecot found its ports taken five times", e);
        }
      }
    }
  }

  /** Starts on the given ports (the command line's way; tests use {@link #start}). */
  public static PrivateDovecot startAt(Path dir, int port, int tlsPort, DovecotOptions options) {
    try {
      return launch(dir.toAbsolutePath().normalize(), port, tlsPort, options);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not set up Dovecot in " + dir, e);
    }
  }

  private static PrivateDovecot launch(Path dir, int port, int tlsPort, DovecotOptions options)
      throws IOException {
    if (!SAFE_PATH.matcher(dir.toString()).matches()) {
      throw new IllegalArgumentException(
          "Dovecot's directory may hold only letters, digits and . _ / + - (it goes unquoted"
              + " into dovecot.conf): "
              + dir);
    }
    Files.createDirectories(dir.resolve("state"));
    Files.createDirectories(dir.resolve("log"));
    Path mail = Files.createDirectories(dir.resolve("mail"));
    Path baseDir = baseDir(dir);
    Files.createDirectories(baseDir);
    DovecotConfig.Accounts accounts = accounts(dir, mail);
    writeAccounts(dir, options, accounts);
    if (options.tls()) {
      selfSignedCertificate(dir.resolve("tls"));
    }
    if (options.tlsUpTo11()) {
      Files.writeString(
          dir.resolve("tls").resolve("openssl.cnf"),
          "openssl_conf = openssl_init\n[openssl_init]\nssl_conf = ssl_sect\n[ssl_sect]\n"
              + "system_default = system_default_sect\n[system_default_sect]\n"
              + "MinProtocol = TLSv1\nMaxProtocol = TLSv1.1\nCipherString = DEFAULT@SECLEVEL=0\n");
    }
    String oauth2 = DovecotConfig.oauth2Settings(options);
    if (oauth2 != null) {
      Files.writeString(dir.resolve("oauth2.conf.ext"), oauth2);
    }
    Path conf = dir.resolve("dovecot.conf");
    Files.writeString(conf, DovecotConfig.render(dir, baseDir, port, tlsPort, options, accounts));
    Path log = dir.resolve("log").resolve("dovecot.log");
    Path pidFile = baseDir.resolve("master.pid");
    Files.deleteIfExists(pidFile);
    Command.Run started =
        Command.run(List.of(BINARY.toString(), "-c", conf.toString()), START_LIMIT);
    if (started.exit() != 0) {
      String why = started.output() + tail(log);
      if (why.contains("Address already in use")) {
        throw new PortTaken(why);
      }
      throw new IllegalStateException("Dovecot would not start (" + started.exit() + "):\n" + why);
    }
    try {
      await("Dovecot's master.pid in " + baseDir)
          .atMost(START_LIMIT)
          .pollInterval(Duration.ofMillis(50))
          // the forked master writes the file a moment after the command returns
          .ignoreException(java.nio.file.NoSuchFileException.class)
          .until(() -> Files.size(pidFile) > 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new IllegalStateException("Dovecot wrote no master.pid:\n" + tail(log), e);
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    PrivateDovecot server = new PrivateDovecot(dir, baseDir, port, tlsPort, pid, options);
    try {
      await("an IMAP greeting on 127.0.0.1:" + port)
          .atMost(START_LIMIT)
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(() -> greets(port) && (tlsPort == 0 || accepts(tlsPort)));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      server.stopMaster();
      throw new IllegalStateException("Dovecot did not answer on " + port + ":\n" + tail(log), e);
    }
    return server;
  }

  /** Sockets go in base_dir; a UNIX socket path must stay under 108 bytes. */
  private static Path baseDir(Path dir) throws IOException {
    Path run = dir.resolve("run");
    if (run.toString().length() + 32 < 108) {
      return run;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(dir.toString().getBytes());
      return Path.of(System.getProperty("java.io.tmpdir"))
          .resolve("cutover-dovecot-" + HexFormat.of().formatHex(hash, 0, 6));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean runningAsRoot() throws IOException {
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }

  /**
   * As root, Dovecot's own system users run it (it refuses uid 0 for mail): dovenull logs in,
   * dovecot owns the mail and must be able to pass every directory above it. Otherwise everything
   * runs as the current user.
   */
  private static DovecotConfig.Accounts accounts(Path dir, Path mail) throws IOException {
    if (!runningAsRoot()) {
      String group = ((GroupPrincipal) Files.getAttribute(mail, "posix:group")).getName();
      return new DovecotConfig.Accounts(
          System.getProperty("user.name"),
          System.getProperty("user.name"),
          group,
          (Integer) Files.getAttribute(mail, "unix:uid"),
          (Integer) Files.getAttribute(mail, "unix:gid"));
    }
    UserPrincipalLookupService names = mail.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(mail, PosixFileAttributeView.class);
    view.setOwner(names.lookupPrincipalByName("dovecot"));
    view.setGroup(names.lookupPrincipalByGroupName("dovecot"));
    Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxr-x---"));
    for (Path p = dir; p != null; p = p.getParent()) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        perms.add(PosixFilePermission.OTHERS_EXECUTE); // traverse only, e.g. a 0700 @TempDir
        Files.setPosixFilePermissions(p, perms);
      }
    }
    return new DovecotConfig.Accounts(
        "dovenull",
        "dovecot",
        "dovecot",
        (Integer) Files.getAttribute(mail, "unix:uid"),
        (Integer) Files.getAttribute(mail, "unix:gid"));
  }

  private static void writeAccounts(
      Path dir, DovecotOptions options, DovecotConfig.Accounts accounts) throws IOException {
    int users = options.users();
    StringBuilder lines = new StringBuilder();
    for (int k = 1; k <= users; k++) {
      lines.append("user").append(k).append(":{PLAIN}pass-user").append(k).append("::::::\n");
    }
    Path usersFile = dir.resolve("users");
    Path masters = dir.resolve("masters");
    Files.writeString(usersFile, lines);
    Files.writeString(masters, ADMIN + ":{PLAIN}" + ADMIN_PASSWORD + "::::::\n");
    // Exchange-style login strings: each a name of its own with the admin's password, renamed to
    // the user it opens (the passdb's user field), so the session is that user's.
    Path loginStrings = dir.resolve("login-strings");
    StringBuilder strings = new StringBuilder();
    if (options.loginStrings()) {
      for (int k = 1; k <= users; k++) {
        for (String name :
            List.of(
                ADMIN + "\\user" + k,
                "CUTOVER\\" + ADMIN + "\\user" + k,
                "CUTOVER/" + ADMIN + "/user" + k)) {
          // Dovecot looks names up lower-cased (auth_username_format %Lu), and its passwd-file
          // reads a backslash as an escape.
          strings
              .append(name.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\"))
              .append(":{PLAIN}")
              .append(ADMIN_PASSWORD)
              .append("::::::user=user")
              .append(k)
              .append('\n');
        }
      }
    }
    Files.writeString(loginStrings, strings);
    if (runningAsRoot()) {
      UserPrincipalLookupService names = dir.getFileSystem().getUserPrincipalLookupService();
      for (Path f : List.of(usersFile, masters, loginStrings)) {
        Files.getFileAttributeView(f, PosixFileAttributeView.class)
            .setGroup(names.lookupPrincipalByGroupName(accounts.internalGroup()));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
      }
    }
  }

  /** A self-signed certificate for localhost and 127.0.0.1, made once per directory. */
  private static void selfSignedCertificate(Path tls) throws IOException {
    Files.createDirectories(tls);
    if (Files.exists(tls.resolve("cert.pem")) && Files.exists(tls.resolve("key.pem"))) {
      return;
    }
    Command.Run r =
        Command.run(
            List.of(
                "/usr/bin/openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "3650",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                tls.resolve("key.pem").toString(),
                "-out",
                tls.resolve("cert.pem").toString()),
            START_LIMIT);
    if (r.exit() != 0) {
      throw new IllegalStateException("openssl could not make a certificate:\n" + r.output());
    }
    Files.setPosixFilePermissions(
        tls.resolve("key.pem"), PosixFilePermissions.fromString("rw-------"));
  }

  private static boolean greets(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      s.setSoTimeout(10_000);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      String line = in.readLine();
      return line != null && line.startsWith("* OK");
    }
  }

  private static boolean accepts(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      return true;
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return "--- "
          + log
          + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public int port() {
    return port;
  }

  /** The implicit-TLS port, or 0 without TLS. */
  public int tlsPort() {
    return tlsPort;
  }

  public long pid() {
    return pid;
  }

  public Path dir() {
    return dir;
  }

  public DovecotOptions options() {
    return options;
  }

  /** The self-signed certificate (PEM) of a server started with TLS. */
  public Path certificate() {
    return dir.resolve("tls").resolve("cert.pem");
  }

  public Path config() {
    return dir.resolve("dovecot.conf");
  }

  /** Runs doveadm on this instance's configuration (storage-level changes in tests). */
  public Command.Run doveadm(String... args) {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/doveadm", "-c", config().toString()));
    cmd.addAll(List.of(args));
    return Command.run(cmd, START_LIMIT);
  }

  /** Stops the master by its PID and waits for it; the directory stays. */
  public void stopMaster() {
    stop(pid);
  }

  /** Stops the instance whose directory is {@code dir} (by the PID in its base_dir). */
  public static void stopIn(Path dir) throws IOException {
    Path pidFile = baseDir(dir.toAbsolutePath().normalize()).resolve("master.pid");
    if (Files.exists(pidFile)) {
      stop(Long.parseLong(Files.readString(pidFile).trim()));
    }
  }

  private static void stop(long pid) {
    ProcessHandle.of(pid)
        .ifPresent(
            master -> {
              master.destroy();
              try {
                master.onExit().get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
              } catch (Exception e) {
                master.destroyForcibly();
              }
            });
  }

  /** Stops the master by its PID, then removes the directory. */
  @Override
  public void close() {
    stopMaster();
    delete(dir);
    delete(baseDir);
  }

  static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove " + root, e);
    }
  }

  /** Dovecot found a port taken between our check and its bind. */
  private static final class PortTaken extends RuntimeException {
    PortTaken(String why) {
      super(why);
    }
  }
}
