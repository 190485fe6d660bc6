package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cutover.PackagedJar;
import org.cutover.testsupport.LoopbackMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code sync} command's log: warnings on standard error, one line each, and nothing
 * from the logging libraries themselves; {@code -Dcutover.sync.log=INFO} shows the passes too.
 * Standard output holds the table alone.
 */
class SyncCommandLoggingIT {

  @TempDir Path work;

  private GreenMail source;
  private GreenMail target;

  @BeforeEach
  void servers() throws IOException {
    source = LoopbackMail.imap();
    target = LoopbackMail.imap();
    source.start();
    target.start();
    source.setUser("anna@contoso.test", "anna", "old-anna");
    target.setUser("anna@contoso.test", "anna", "new-anna");
    Files.writeString(work.resolve("source-password"), "old-anna\n");
    Files.writeString(work.resolve("target-password"), "not-the-password\n");
    Files.writeString(
        work.resolve("spec.json"),
        """
        {
          "source": {"host": "127.0.0.1", "port": %d, "security": "plaintext"},
          "target": {"host": "127.0.0.1", "port": %d, "security": "plaintext"},
          "mailboxes": [{"source": "anna", "sourcePassword": {"file": "source-password"},
                         "targetPassword": {"file": "target-password"}}],
          "state": "state"
        }
        """
            .formatted(source.getImap().getPort(), target.getImap().getPort()));
  }

  @AfterEach
  void stop() {
    source.stop();
    target.stop();
  }

  @Test
  void warningsGoToStandardErrorOneLineEach() throws Exception {
    Run run = sync();

    assertThat(run.exit()).as(run.err()).isEqualTo(SyncCommand.INCOMPLETE);
    List<String> logLines =
        run.err().lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
    assertThat(logLines)
        .as(run.err())
        .isNotEmpty()
        .allMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (WARN |ERROR) \\w+: .*"))
        .anyMatch(l -> l.contains("WARN  PassRecorder: Mailbox ") && l.contains("was refused"));
    assertThat(run.err()).doesNotContain("SLF4J").doesNotContain("logback");
    assertThat(run.out()).contains("anna -> anna").doesNotContain("PassRecorder");
  }

  @Test
  void theLevelPropertyShowsMore() throws Exception {
    Run run = sync("-Dcutover.sync.log=INFO");

    assertThat(run.exit()).as(run.err()).isEqualTo(SyncCommand.INCOMPLETE);
    assertThat(run.err())
        .containsPattern(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  MailboxPass: Mailbox .*/anna: pass started")
        .contains("WARN  PassRecorder: Mailbox ");
    assertThat(run.out()).doesNotContain("MailboxPass");
  }

  private record Run(int exit, String out, String err) {}

  private Run sync(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", PackagedJar.path().toString(), "sync", "--spec", "spec.json"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(work.resolve("out.txt").toFile())
            .redirectError(work.resolve("err.txt").toFile());
    // anything the command keeps between runs stays in this test's folder
    builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
    Process p = builder.start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError("the sync command did not end within two minutes");
    }
    return new Run(
        p.exitValue(),
        Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8));
  }
}
