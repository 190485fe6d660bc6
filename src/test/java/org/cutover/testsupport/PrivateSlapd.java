package org.cutover.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.cutover.testsupport.kit.Command;

/**
 * Debian's OpenLDAP server (slapd) on 127.0.0.1 at a free port, with its own slapd.conf in the
 * test's folder, a schema holding the Exchange attributes that directory discovery reads, a
 * self-signed certificate for StartTLS and LDAPS, and the entries of an LDIF resource. Stops with
 * {@link #close()}.
 */
public final class PrivateSlapd implements AutoCloseable {

  private static final Path SLAPD = Path.of("/usr/sbin/slapd");
  private static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
  private static final Duration START_LIMIT = Duration.ofSeconds(60);

  /** The suffix of the test directory. */
  public static final String SUFFIX = "dc=contoso,dc=test";

  /** An account that may read the directory. */
  public static final String READER_DN = "cn=Reader," + SUFFIX;

  public static final String READER_PASSWORD = "reader-secret";

  private final Path dir;
  private final int port;
  private final int ldapsPort;
  private final Process process;

  private PrivateSlapd(Path dir, int port, int ldapsPort, Process process) {
    this.dir = dir;
    this.port = port;
    this.ldapsPort = ldapsPort;
    this.process = process;
  }

  /** Skips the test (fails it in CI) when slapd is not installed. */
  public static void requireInstalled() {
    RealServers.require(
        Files.isExecutable(SLAPD) && Files.isExecutable(SLAPADD), "slapd (Debian package slapd)");
    RealServers.require(
        Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl (Debian package openssl)");
  }

  /** Starts slapd in {@code dir} with the entries of the classpath LDIF {@code ldifResource}. */
  public static PrivateSlapd start(Path dir, String ldifResource) {
    requireInstalled();
    try {
      Files.createDirectories(dir.resolve("data"));
      copy("/slapd/exchange.schema", dir.resolve("exchange.schema"));
      copy(ldifResource, dir.resolve("entries.ldif"));
      certificate(dir);
      Files.writeString(dir.resolve("slapd.conf"), config(dir));
      Command.Run added =
          Command.run(
              List.of(
                  SLAPADD.toString(),
                  "-f",
                  dir.resolve("slapd.conf").toString(),
                  "-l",
                  dir.resolve("entries.ldif").toString()),
              START_LIMIT);
      if (added.exit() != 0) {
        throw new IllegalStateException("slapadd could not load the entries:\n" + added.output());
      }
      int port = FreePort.pick();
      int ldapsPort = FreePort.pick();
      Process process =
          new ProcessBuilder(
                  SLAPD.toString(),
                  "-f",
                  dir.resolve("slapd.conf").toString(),
                  "-h",
                  "ldap://127.0.0.1:" + port + "/ ldaps://127.0.0.1:" + ldapsPort + "/",
                  "-d",
                  "0")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("slapd.log").toFile())
              .start();
      PrivateSlapd slapd = new PrivateSlapd(dir, port, ldapsPort, process);
      try {
        await()
            .atMost(START_LIMIT)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> !process.isAlive() || listens(port));
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "slapd did not start:\n" + Files.readString(dir.resolve("slapd.log")));
        }
      } catch (RuntimeException notStarted) {
        slapd.close();
        throw notStarted;
      }
      return slapd;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not set up slapd in " + dir, e);
    }
  }

  /** {@code ldap://127.0.0.1:port} (plain, or StartTLS). */
  public String ldapUrl() {
    return "ldap://127.0.0.1:" + port;
  }

  /** {@code ldaps://127.0.0.1:port}. */
  public String ldapsUrl() {
    return "ldaps://127.0.0.1:" + ldapsPort;
  }

  /** The server's self-signed certificate (PEM). */
  public Path certificate() {
    return dir.resolve("cert.pem");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static String config(Path dir) {
    return String.join(
        "\n",
        "include /etc/ldap/schema/core.schema",
        "include /etc/ldap/schema/cosine.schema",
        "include /etc/ldap/schema/inetorgperson.schema",
        "include " + dir.resolve("exchange.schema"),
        "pidfile " + dir.resolve("slapd.pid"),
        "argsfile " + dir.resolve("slapd.args"),
        "modulepath /usr/lib/ldap",
        "moduleload back_mdb",
        "TLSCertificateFile " + dir.resolve("cert.pem"),
        "TLSCertificateKeyFile " + dir.resolve("key.pem"),
        "TLSVerifyClient never",
        "database mdb",
        "maxsize 10485760",
        "suffix \"" + SUFFIX + "\"",
        "rootdn \"cn=admin," + SUFFIX + "\"",
        "directory " + dir.resolve("data"),
        // Only a signed-in account reads; passwords are only compared.
        "access to attrs=userPassword by anonymous auth by * none",
        "access to * by users read by * none",
        "");
  }

  private static void certificate(Path dir) {
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
                "30",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                dir.resolve("key.pem").toString(),
                "-out",
                dir.resolve("cert.pem").toString()),
            START_LIMIT);
    if (r.exit() != 0) {
      throw new IllegalStateException("openssl could not make a certificate:\n" + r.output());
    }
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = PrivateSlapd.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No resource " + resource);
      }
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean listens(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }
}
