package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.cutover.mailsync.SyncOutcome;
import org.cutover.mailsync.SyncStatistics;
import org.junit.jupiter.api.Test;

/** The result as JSON: every mailbox with its counts, and whether the run was complete. */
class ResultJsonTest {

  @Test
  void printsEachMailboxWithItsCountsAndProblem() throws Exception {
    SyncStatistics anna =
        new SyncStatistics(18, 1234, 1_387_654_321L, 3, 2, 1, 5, 0, 4, Duration.ofMillis(10_145));
    SyncStatistics bo = new SyncStatistics(1, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ofMillis(4));
    List<MailboxResult> results =
        List.of(
            new MailboxResult(
                "anna -> anna", new SyncOutcome.Synced(anna, List.of(), List.of(), List.of())),
            new MailboxResult(
                "bo -> bo", new SyncOutcome.NeedsAdministrator(bo, "wrong password", List.of())));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ResultJson.print(
        results, Duration.ofMillis(10_500), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    JsonNode json = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
    assertThat(json.path("complete").asBoolean()).isFalse();
    assertThat(json.path("seconds").asDouble()).isEqualTo(10.5);
    JsonNode first = json.path("mailboxes").get(0);
    assertThat(first.path("mailbox").asText()).isEqualTo("anna -> anna");
    assertThat(first.path("result").asText()).isEqualTo("synced");
    assertThat(first.path("messagesCopied").asLong()).isEqualTo(1234);
    assertThat(first.path("bytesCopied").asLong()).isEqualTo(1_387_654_321L);
    assertThat(first.has("problem")).isFalse();
    JsonNode second = json.path("mailboxes").get(1);
    assertThat(second.path("result").asText()).isEqualTo("needs admin");
    assertThat(second.path("problem").asText()).isEqualTo("wrong password");
  }
}
