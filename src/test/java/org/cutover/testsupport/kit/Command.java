package org.cutover.testsupport.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end with a generous bound, its output (stdout and stderr) kept. */
public final class Command {

  private Command() {}

  /** Exit code and combined output of a finished program. */
  public record Run(int exit, String output) {}

  public static Run run(List<String> command, Duration limit) {
    Path out = null;
    try {
      out = Files.createTempFile("cutover-kit-", ".out");
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "No end within " + limit + ": " + String.join(" ", command));
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted running " + String.join(" ", command), e);
    } finally {
      if (out != null) {
        out.toFile().delete();
      }
    }
  }
}
