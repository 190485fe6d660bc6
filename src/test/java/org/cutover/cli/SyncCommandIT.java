package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cutover.PackagedJar;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.Fidelity;
import org.cutover.testsupport.kit.MailCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application's {@code sync} command between two real Dovecot servers: a source over
 * implicit TLS with the master user's delegated login and Danish special-use names, a target with
 * '/' as separator and each user's own password. Killed in the middle of a run and run again, the
 * copy is exact; a further run copies nothing.
 */
class SyncCommandIT {

  private static final int USERS = 3;

  @TempDir Path work;

  private DovecotServer source;
  private DovecotServer target;

  @BeforeEach
  void servers() throws IOException {
    source =
        DovecotServer.start(
            work.resolve("source"),
            DovecotOptions.defaults().danish().withSeparator('.').withUsers(3).withTls());
    target =
        DovecotServer.start(
            work.resolve("target"), DovecotOptions.defaults().withSeparator('/').withUsers(3));
    MailCorpus.fill(source.kit(), MailCorpus.Settings.of(USERS, 300, 11));
    Files.writeString(work.resolve("admin-password"), "admin-pass\n");
  }

  @AfterEach
  void stop() {
    DovecotServer.stopAll(new ArrayList<>(List.of(source, target)));
  }

  @Test
  void aKilledRunIsResumedByTheNextIntoAnExactCopy() throws Exception {
    Path spec = spec();

    Process first = sync(spec, work.resolve("first.log"));
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptions()
        .until(() -> messagesOnTarget() >= 150 || !first.isAlive());
    assertThat(first.isAlive()).as("the first run was still copying when it was killed").isTrue();
    // On a machine with a default heap over 1 GiB the command runs in a second, bounded JVM: it
    // must end with the one that was killed, which had no chance to end it.
    List<ProcessHandle> started = first.descendants().toList();
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> started.stream().noneMatch(ProcessHandle::isAlive));

    Process second = sync(spec, work.resolve("second.log"));
    assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String table = Files.readString(work.resolve("second.log"), StandardCharsets.UTF_8);
    assertThat(second.exitValue()).as(table).isZero();
    assertThat(table).contains("3/3 synced");

    Fidelity.Result comparison = Fidelity.compare(source.kit(), target.kit(), "user1,user2,user3");
    assertThat(comparison.identical()).as(comparison.output()).isTrue();
    if (!started.isEmpty()) {
      // the bounded JVM ran from the extracted jar, and the completed run left its class archive
      try (Stream<Path> archives = Files.walk(work.resolve("cache"))) {
        assertThat(archives.map(p -> p.getFileName().toString())).contains("sync.jsa");
      }
    }

    Process third = sync(spec, work.resolve("third.log"));
    assertThat(third.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String again = Files.readString(work.resolve("third.log"), StandardCharsets.UTF_8);
    assertThat(third.exitValue()).as(again).isZero();
    assertThat(again.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow())
        .containsPattern("3/3 synced\\s+\\d+\\s+0\\s");
  }

  private Path spec() throws IOException {
    Path spec = work.resolve("spec.json");
    StringBuilder mailboxes = new StringBuilder();
    for (int u = 1; u <= USERS; u++) {
      mailboxes
          .append(u > 1 ? ",\n    " : "")
          .append("{\"source\": \"user")
          .append(u)
          .append("\", \"targetPassword\": {\"env\": \"TARGET_PASSWORD_")
          .append(u)
          .append("\"}}");
    }
    Files.writeString(
        spec,
        """
        {
          "source": {
            "host": "127.0.0.1", "port": %d, "security": "tls",
            "trustCertificates": "%s",
            "login": {"method": "delegated", "admin": "admin", "password": {"file": "admin-password"}}
          },
          "target": {"host": "127.0.0.1", "port": %d, "security": "plaintext"},
          "mailboxes": [
            %s
          ],
          "state": "state/sync"
        }
        """
            .formatted(source.tlsPort(), source.certificate(), target.port(), mailboxes));
    return spec;
  }

  private Process sync(Path spec, Path log) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                PackagedJar.path().toString(),
                "sync",
                "--spec",
                spec.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    for (int u = 1; u <= USERS; u++) {
      builder.environment().put("TARGET_PASSWORD_" + u, "pass-user" + u);
    }
    builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
    return builder.start();
  }

  /** Messages the target has stored so far, counted in its maildirs (which change meanwhile). */
  private long messagesOnTarget() throws IOException {
    try (Stream<Path> files = Files.walk(target.dir().resolve("mail"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                String folder = f.getParent().getFileName().toString();
                return folder.equals("cur") || folder.equals("new");
              })
          .count();
    }
  }
}
