package org.cutover.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared bench kit (dovecot-up, make-corpus, imap-compare) found at {@code ../shared/bench}
 * beside the checkout (or further up; {@code -Dcutover.bench.dir} overrides). Outside CI a missing
 * kit or Dovecot skips the test; with {@code CI=true} it fails it.
 */
public final class BenchKit {

  private BenchKit() {}

  public static Path dir() {
    String override = System.getProperty("cutover.bench.dir", System.getenv("CUTOVER_BENCH_DIR"));
    if (override != null && !override.isBlank()) {
      return require(Path.of(override), "cutover.bench.dir");
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path candidate = p.resolve("shared").resolve("bench");
      if (Files.isExecutable(candidate.resolve("dovecot-up"))) {
        return candidate;
      }
      p = p.getParent();
    }
    unavailable(
        "the bench kit (../shared/bench with dovecot-up) was not found above "
            + Path.of("").toAbsolutePath());
    return null;
  }

  private static Path require(Path p, String from) {
    if (!Files.isExecutable(p.resolve("dovecot-up"))) {
      unavailable("no executable dovecot-up in " + p + " (from " + from + ")");
    }
    return p;
  }

  public static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("Integration test needs " + why);
    }
    assumeTrue(false, "Skipped: " + why);
  }

  /** Output and exit code of a kit script. */
  public record Run(int exit, String output) {}

  public static Run run(Path workDir, List<String> command) {
    try {
      Path out = Files.createTempFile(workDir, "run-", ".log");
      Process p =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(600, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("Timed out: " + String.join(" ", command));
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      return new Run(p.exitValue(), text);
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted running " + command, e);
    }
  }

  /** Fills user1..userN with the deterministic corpus (or round R of new mail). */
  public static void makeCorpus(
      Path work, int port, int users, int messages, int seed, int round, String... extra) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                dir().resolve("make-corpus").toString(),
                "--port",
                Integer.toString(port),
                "--users",
                Integer.toString(users),
                "--messages",
                Integer.toString(messages),
                "--seed",
                Integer.toString(seed),
                "--round",
                Integer.toString(round),
                "--jobs",
                "2"));
    cmd.addAll(List.of(extra));
    Run r = run(work, cmd);
    if (r.exit() != 0) {
      fail("make-corpus failed (" + r.exit() + "):\n" + r.output());
    }
  }

  /** imap-compare's verdict on server b as a copy of server a. */
  public record Comparison(
      int exit,
      String output,
      long missing,
      long extra,
      long duplicates,
      long flagDiffs,
      long dateDiffs,
      long folderDiffs) {
    public boolean identical() {
      return exit == 0;
    }
  }

  private static final Pattern SUMMARY =
      Pattern.compile(
          "compare: .*?(\\d+) missing, (\\d+) extra, (\\d+) duplicates, (\\d+) flag diffs, (\\d+) date diffs, (\\d+) folder diffs");

  public static Comparison compare(Path work, int portA, int portB, String users, String... extra) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                dir().resolve("imap-compare").toString(),
                "--a",
                "127.0.0.1:" + portA,
                "--b",
                "127.0.0.1:" + portB,
                "--user-list",
                users,
                "--jobs",
                "2"));
    cmd.addAll(List.of(extra));
    Run r = run(work, cmd);
    Matcher m = SUMMARY.matcher(r.output());
    if (r.exit() == 2 || !m.find()) {
      fail("imap-compare could not compare (" + r.exit() + "):\n" + r.output());
    }
    return new Comparison(
        r.exit(),
        r.output(),
        Long.parseLong(m.group(1)),
        Long.parseLong(m.group(2)),
        Long.parseLong(m.group(3)),
        Long.parseLong(m.group(4)),
        Long.parseLong(m.group(5)),
        Long.parseLong(m.group(6)));
  }
}
