package org.cutover.testsupport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cutover.testsupport.kit.Fidelity;

/**
 * The {@code sync} command (README.md, "Copy mailboxes from the command line") on the bench's
 * corpus: the same source server and logins as the batch (the Dovecot master user), into the target
 * server's userK accounts, as many mailboxes at once as the node syncs, each process's wall time
 * measured from its start to its exit.
 */
final class SyncCommandRun {

  private final BatchBench.Settings settings;
  private final BenchServers servers;
  private final Map<String, String> result;

  SyncCommandRun(BatchBench.Settings settings, BenchServers servers, Map<String, String> result) {
    this.settings = settings;
    this.servers = servers;
    this.result = result;
  }

  void run() throws Exception {
    Path dir = settings.work().resolve("command");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("admin.pw"), "admin-pass\n");
    Path spec = dir.resolve("spec.json");
    Files.writeString(spec, spec(dir.resolve("state")));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            settings.jar().toString(),
            "sync",
            "--spec",
            spec.toString(),
            "--json");
    BatchBench.say("sync command: %s", String.join(" ", command));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.json").toFile())
            .redirectError(dir.resolve("err.log").toFile())
            .start();
    int exit = process.waitFor();
    double wall = (System.nanoTime() - start) / 1e9;
    JsonNode out = BenchApi.JSON.readTree(dir.resolve("out.json").toFile());
    long copied = 0;
    for (JsonNode mailbox : out.path("mailboxes")) {
      copied += mailbox.path("messagesCopied").asLong();
    }
    BatchBench.say(
        "sync command: exit %d, %s s wall (%s s inside the process), %d messages copied",
        exit, BatchBench.seconds(wall), out.path("seconds").asText(), copied);
    result.put("command_exit", Integer.toString(exit));
    result.put("command_wall_s", BatchBench.seconds(wall));
    result.put("command_inside_s", out.path("seconds").asText());
    result.put("command_copied", Long.toString(copied));
    if (settings.compare()) {
      List<String> users =
          IntStream.rangeClosed(1, settings.mailboxes()).mapToObj(k -> "user" + k).toList();
      Fidelity.Result comparison = BatchBench.compare(servers, users);
      result.put("command_identical", Boolean.toString(comparison.identical()));
      BatchBench.say("sync command's copy identical: %s", comparison.identical());
    }
  }

  private String spec(Path state) {
    List<String> mailboxes = new ArrayList<>();
    for (int k = 1; k <= settings.mailboxes(); k++) {
      mailboxes.add("{\"source\": \"user" + k + "\", \"target\": \"user" + k + "\"}");
    }
    String login =
        "\"login\": {\"method\": \"delegated\", \"admin\": \"admin\", \"password\": {\"file\":"
            + " \"admin.pw\"}}";
    return """
        {
          "source": {"host": "127.0.0.1", "port": %d, "security": "plaintext",
                     "maxConcurrentMailboxes": %d, %s},
          "target": {"host": "127.0.0.1", "port": %d, "security": "plaintext",
                     "maxConcurrentMailboxes": %d, %s},
          "mailboxes": [%s],
          "state": "%s"
        }
        """
        .formatted(
            servers.source.port(),
            settings.slots(),
            login,
            servers.target.port(),
            settings.slots(),
            login,
            String.join(", ", mailboxes),
            state);
  }
}
