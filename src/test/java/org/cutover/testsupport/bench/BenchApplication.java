package org.cutover.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application started as an administrator starts it ({@code java -jar cutover.jar} and
 * its settings), with its peak memory watched from outside through {@code /proc}.
 */
final class BenchApplication implements AutoCloseable {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "bench-admin-passphrase";

  private final Process process;
  private final Thread sampler;
  private volatile long peakRssKb;
  private volatile long hwmKb;

  private BenchApplication(Process process) {
    this.process = process;
    this.sampler = new Thread(this::sample, "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /**
   * Starts {@code java [jvmOptions] -jar jar --name=value...} with the administrator and a fresh
   * secrets key and worker password in its environment, its output in {@code log}.
   */
  static BenchApplication start(
      Path jar,
      List<String> jvmOptions,
      Map<String, String> environment,
      Map<String, String> properties,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    properties.forEach((name, value) -> command.add("--" + name + "=" + value));
    ProcessBuilder builder = new ProcessBuilder(command);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    builder.environment().put("CAMUNDA_BPM_ADMINUSER_ID", ADMIN);
    builder.environment().put("CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD);
    builder.environment().put("CUTOVER_SECRETS_KEY", Base64.getEncoder().encodeToString(key));
    // A node on PostgreSQL is a possible cluster member: its worker password must be given.
    byte[] workerPassword = new byte[24];
    new SecureRandom().nextBytes(workerPassword);
    builder
        .environment()
        .put("CUTOVER_WORKER_PASSWORD", Base64.getEncoder().encodeToString(workerPassword));
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    builder.directory(log.getParent().toFile());
    return new BenchApplication(builder.start());
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The largest resident set seen by sampling VmRSS every 200 ms, in kB. */
  long peakRssKb() {
    return peakRssKb;
  }

  /** The kernel's own high-water mark of the resident set (VmHWM) at the last sample, in kB. */
  long highWaterMarkKb() {
    return hwmKb;
  }

  /** The resident set now, in kB; 0 when the process is gone. */
  long rssKb() {
    return status("VmRSS:");
  }

  private void sample() {
    while (process.isAlive()) {
      long rss = status("VmRSS:");
      long hwm = status("VmHWM:");
      peakRssKb = Math.max(peakRssKb, rss);
      hwmKb = Math.max(hwmKb, hwm);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | NumberFormatException gone) {
      return 0;
    }
    return 0;
  }

  /** Stops the application (SIGTERM, then SIGKILL after a minute) and waits for it. */
  @Override
  public void close() {
    sampler.interrupt();
    process.destroy();
    try {
      if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
