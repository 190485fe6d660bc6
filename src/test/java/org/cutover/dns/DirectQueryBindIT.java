package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Look-ups against a real BIND 9: every type the runbook reads, and each way an answer ends. */
class DirectQueryBindIT {

  @TempDir static Path dir;
  private static BindServer bind;
  private final DirectQuery query = new DirectQuery(Duration.ofSeconds(2), 2);

  @BeforeAll
  static void startBind() throws Exception {
    bind =
        BindServer.start(
            dir, "example.test", BindServer.EXAMPLE_ZONE + "www IN CNAME mail.example.test.\n");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      texts.add("record " + i + " " + "y".repeat(70));
    }
    new Rfc2136Zone("example.test", bind.server(), bind.key(), Duration.ofSeconds(5))
        .upsert(RecordSet.txt("big.example.test", 300, texts), Optional.empty());
  }

  @AfterAll
  static void stopBind() {
    if (bind != null) {
      bind.close();
    }
  }

  private ServerAnswer ask(String name, RecordType type) {
    return query.ask(bind.server(), name, type, DirectQuery.Mode.AUTHORITATIVE);
  }

  @Test
  void readsEveryTypeTheRunbookUses() {
    assertThat(ask("example.test", RecordType.SOA)).isInstanceOf(ServerAnswer.Records.class);
    assertThat(((ServerAnswer.Records) ask("example.test", RecordType.NS)).records().values())
        .containsExactly("ns1.example.test.");
    assertThat(((ServerAnswer.Records) ask("example.test", RecordType.MX)).records())
        .isEqualTo(RecordSet.of("example.test", RecordType.MX, 3600, "10 mail.example.test."));
    assertThat(((ServerAnswer.Records) ask("example.test", RecordType.TXT)).records().texts())
        .containsExactly("v=spf1 mx -all");
    assertThat(
            ((ServerAnswer.Records) ask("www.example.test", RecordType.CNAME)).records().values())
        .containsExactly("mail.example.test.");
  }

  @Test
  void reportsAnAliasWhenAskingAnotherTypeAtACname() {
    assertThat(ask("www.example.test", RecordType.TXT))
        .isEqualTo(
            new ServerAnswer.Alias(
                bind.server(), "www.example.test.", "mail.example.test.", Transport.UDP));
  }

  @Test
  void reportsNxdomainAndNodata() {
    assertThat(ask("nothing.example.test", RecordType.TXT))
        .isInstanceOf(ServerAnswer.NoSuchName.class);
    assertThat(ask("mail.example.test", RecordType.MX)).isInstanceOf(ServerAnswer.NoRecords.class);
  }

  @Test
  void reportsAServerAskedForAZoneItDoesNotServeAsNotAuthoritative() {
    ServerAnswer answer = ask("example.net", RecordType.MX);

    assertThat(answer).isInstanceOf(ServerAnswer.NotAuthoritative.class);
    assertThat(answer.describe()).contains("refused the question");
  }

  @Test
  void readsALargeAnswerOverTcpAfterTruncation() {
    ServerAnswer answer = ask("big.example.test", RecordType.TXT);

    assertThat(answer).isInstanceOf(ServerAnswer.Records.class);
    assertThat(((ServerAnswer.Records) answer).transport())
        .isEqualTo(Transport.TCP_AFTER_TRUNCATION);
    assertThat(((ServerAnswer.Records) answer).records().values()).hasSize(40);
  }
}
