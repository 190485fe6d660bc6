package org.cutover.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of our own for one test class: a fresh cluster in a temporary directory,
 * listening on 127.0.0.1 at a free port, with a database {@code cutover}. Uses the binaries of the
 * Debian package; as root they run as the {@code postgres} system user, which initdb requires.
 */
public final class PrivatePostgres implements AutoCloseable {

  private static final Path BIN_ROOT = Path.of("/usr/lib/postgresql");
  private final Path binaries;
  private final Path directory;
  private final int port;

  private PrivatePostgres(Path binaries, Path directory, int port) {
    this.binaries = binaries;
    this.directory = directory;
    this.port = port;
  }

  /** The newest installed server's binary folder, or null when none is installed. */
  public static Path installedBinaries() {
    if (!Files.isDirectory(BIN_ROOT)) {
      return null;
    }
    try (var versions = Files.list(BIN_ROOT)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Path::compareTo)
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** Starts a server; skips the test (fails in CI) when PostgreSQL is not installed. */
  public static PrivatePostgres start() throws IOException, InterruptedException {
    Path binaries = installedBinaries();
    RealServers.require(binaries != null, "PostgreSQL (Debian package postgresql)");
    Path directory =
        Files.createTempDirectory(
            "cutover-pg",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    PrivatePostgres server = new PrivatePostgres(binaries, directory, FreePort.pick());
    server.initialise();
    return server;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/cutover";
  }

  public String username() {
    return "cutover";
  }

  public String password() {
    return "cutover-test";
  }

  private void initialise() throws IOException, InterruptedException {
    Path data = directory.resolve("data");
    Path passwordFile = directory.resolve("password");
    Files.writeString(passwordFile, password() + "\n");
    if (runningAsRoot()) {
      asServerUser(List.of("chown", "-R", "postgres", directory.toString()), true);
    }
    run(
        "initdb",
        "-D",
        data.toString(),
        "-U",
        username(),
        "--pwfile=" + passwordFile,
        "-A",
        "scram-sha-256",
        "-E",
        "UTF8",
        "--no-sync");
    run(
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        directory.resolve("server.log").toString(),
        "-w",
        "-o",
        "-c listen_addresses=127.0.0.1 -c port="
            + port
            + " -c unix_socket_directories="
            + directory
            + " -c fsync=off",
        "start");
    run("createdb", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", username(), "cutover");
  }

  private void run(String program, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binaries.resolve(program).toString());
    command.addAll(List.of(args));
    asServerUser(command, false);
  }

  private void asServerUser(List<String> command, boolean plain)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (runningAsRoot() && !plain) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", password());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("PostgreSQL set-up failed: " + full + "\n" + output);
    }
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Path data = directory.resolve("data");
    if (Files.isDirectory(data)) {
      run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(f -> f.delete());
    }
  }
}
