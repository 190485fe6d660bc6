package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cutover.testsupport.LoopbackMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync command line against two in-process IMAP servers: spec, table, exit status, state. */
class SyncCommandTest {

  @TempDir Path dir;

  private GreenMail source;
  private GreenMail target;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void servers() {
    source = LoopbackMail.imap();
    target = LoopbackMail.imap();
    source.start();
    target.start();
    for (String user : new String[] {"anna", "bo"}) {
      GreenMailUser owner = source.setUser(user + "@contoso.test", user, "old-" + user);
      target.setUser(user + "@contoso.test", user, "new-" + user);
      for (int i = 1; i <= 3; i++) {
        owner.deliver(
            GreenMailUtil.createTextEmail(
                user + "@contoso.test",
                "sender@example.test",
                "Message " + i + " for " + user,
                "Body " + i,
                source.getImap().getServerSetup()));
      }
    }
  }

  @AfterEach
  void stop() {
    source.stop();
    target.stop();
  }

  @Test
  void copiesEveryMailboxThenOnlyWhatIsNew() throws Exception {
    Path spec = spec(mailbox("anna") + "," + mailbox("bo"), "");

    assertThat(run("--spec", spec.toString())).as(err.toString()).isEqualTo(0);

    assertThat(out.toString()).contains("anna -> anna").contains("bo -> bo").contains("2/2 synced");
    assertThat(target.getReceivedMessages()).hasSize(6);
    assertThat(err.toString()).doesNotContain("old-anna").doesNotContain("new-anna");

    source
        .getUserManager()
        .getUser("anna")
        .deliver(
            GreenMailUtil.createTextEmail(
                "anna@contoso.test",
                "sender@example.test",
                "Message 4 for anna",
                "Body 4",
                source.getImap().getServerSetup()));
    out.reset();

    assertThat(run("--spec", spec.toString())).isEqualTo(0);

    assertThat(target.getReceivedMessages()).hasSize(7);
    assertThat(row("anna -> anna")).containsPattern("synced\\s+\\d+\\s+1\\s");
    assertThat(row("bo -> bo")).containsPattern("synced\\s+\\d+\\s+0\\s");
  }

  @Test
  void aWrongPasswordFailsThatMailboxOnlyAndSaysSo() throws Exception {
    Files.writeString(dir.resolve("bo-target"), "not-the-password\n");
    Path spec =
        spec(
            mailbox("anna")
                + ", {\"source\": \"bo\", \"sourcePassword\": {\"env\": \"BO_OLD\"},"
                + " \"targetPassword\": {\"file\": \"bo-target\"}}",
            "");

    assertThat(run("--spec", spec.toString())).isEqualTo(1);

    assertThat(row("anna -> anna")).contains("synced");
    assertThat(row("bo -> bo")).contains("needs admin");
    assertThat(out.toString()).contains("1/2 synced").containsIgnoringCase("password");
    assertThat(out.toString() + err).doesNotContain("not-the-password");
  }

  @Test
  void namesTheFieldOfAnUnknownOrMissingSetting() throws Exception {
    assertThat(run("--spec", spec(mailbox("anna"), ", \"paralelFolders\": 2").toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("options.paralelFolders: unknown field \"paralelFolders\"")
        .contains("parallelFolders");

    err.reset();
    Path noPassword = spec("{\"source\": \"anna\"}", "");
    assertThat(run("--spec", noPassword.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("mailboxes[0].sourcePassword").contains("anna");

    err.reset();
    Path unsetVariable =
        spec(
            "{\"source\": \"anna\", \"sourcePassword\": {\"env\": \"NOT_SET_HERE\"},"
                + " \"targetPassword\": {\"env\": \"ANNA_NEW\"}}",
            "");
    assertThat(run("--spec", unsetVariable.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("NOT_SET_HERE is not set");

    err.reset();
    Path badPort = dir.resolve("bad-port.json");
    Files.writeString(
        badPort,
        Files.readString(spec(mailbox("anna"), ""))
            .replace("\"port\": " + source.getImap().getPort(), "\"port\": \"imap\""));
    assertThat(run("--spec", badPort.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("source.port");

    err.reset();
    assertThat(run("--spec", dir.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");

    assertThat(source.getReceivedMessages()).hasSize(6);
    assertThat(target.getReceivedMessages()).isEmpty();
  }

  @Test
  void namesTheFieldOfATrustFileThatHoldsNoCertificate() throws Exception {
    Files.writeString(dir.resolve("not-a-cert.txt"), "this is no certificate\n");
    Path spec = dir.resolve("bad-trust.json");
    Files.writeString(
        spec,
        Files.readString(spec(mailbox("anna"), ""))
            .replaceFirst(
                "\"security\": \"plaintext\"\\}",
                "\"security\": \"plaintext\", \"trustCertificates\": \"not-a-cert.txt\"}"));

    assertThat(run("--spec", spec.toString())).isEqualTo(2);

    assertThat(err.toString())
        .contains("source.trustCertificates")
        .contains("not-a-cert.txt")
        .doesNotContain("Exception\n\tat ");
    assertThat(target.getReceivedMessages()).isEmpty();
  }

  @Test
  void failsAtOnceWhenNothingListensOnThePort() throws Exception {
    int closed = org.cutover.testsupport.FreePort.pick();
    Path spec = dir.resolve("refused.json");
    Files.writeString(
        spec,
        Files.readString(spec(mailbox("anna"), ""))
            .replace("\"port\": " + source.getImap().getPort(), "\"port\": " + closed));

    assertThat(run("--spec", spec.toString())).isEqualTo(1);

    assertThat(row("anna -> anna")).contains("needs admin");
    assertThat(out.toString()).contains("Nothing accepts connections").doesNotContain("attempt 2");
  }

  @Test
  void deletesSpoolFilesAKilledRunLeftInTheStateFolder() throws Exception {
    Path spool = dir.resolve("state").resolve("spool");
    Files.createDirectories(spool);
    Path left = Files.write(spool.resolve("mailsync-4711.eml"), new byte[1 << 20]);
    Path other = Files.writeString(spool.resolve("notes.txt"), "not a spool file");

    assertThat(run("--spec", spec(mailbox("anna"), "").toString())).isEqualTo(0);

    assertThat(left).doesNotExist();
    assertThat(other).exists();
  }

  @Test
  void refusesASecondRunOnTheSameState() throws Exception {
    Path spec = spec(mailbox("anna"), "");
    try (StateFolder busy = StateFolder.open(dir.resolve("state"))) {
      assertThat(run("--spec", spec.toString())).isEqualTo(2);
    }
    assertThat(err.toString()).contains("in use by another sync run");
    assertThat(target.getReceivedMessages()).isEmpty();
  }

  @Test
  void explainsItselfAndRefusesUnknownArguments() {
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out.toString()).contains("--spec FILE").contains("Exit status");
    assertThat(run()).isEqualTo(2);
    assertThat(run("--spec")).isEqualTo(2);
    assertThat(run("--spec", "x.json", "--fast")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown argument --fast");
  }

  private int run(String... args) {
    Map<String, String> environment =
        Map.of(
            "ANNA_OLD", "old-anna", "ANNA_NEW", "new-anna", "BO_OLD", "old-bo", "BO_NEW", "new-bo");
    return SyncCommand.run(
        args,
        environment,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String row(String label) {
    return out.toString().lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
  }

  private static String mailbox(String user) {
    String env = user.toUpperCase(java.util.Locale.ROOT);
    return "{\"source\": \""
        + user
        + "\", \"sourcePassword\": {\"env\": \""
        + env
        + "_OLD\"}, \"targetPassword\": {\"env\": \""
        + env
        + "_NEW\"}}";
  }

  private Path spec(String mailboxes, String extraOption) throws IOException {
    Path spec = dir.resolve("spec-" + System.nanoTime() + ".json");
    Files.writeString(
        spec,
        """
        {
          // the two in-process servers, plaintext on loopback
          "source": {"host": "127.0.0.1", "port": %d, "security": "plaintext"},
          "target": {"host": "127.0.0.1", "port": %d, "security": "plaintext"},
          "mailboxes": [%s],
          "options": {"parallelFolders": 2%s},
          "state": "state"
        }
        """
            .formatted(
                source.getImap().getPort(), target.getImap().getPort(), mailboxes, extraOption));
    return spec;
  }
}
