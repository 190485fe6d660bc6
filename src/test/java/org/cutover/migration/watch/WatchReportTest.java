package org.cutover.migration.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WatchReportTest {

  private static final Instant START = Instant.parse("2026-03-20T08:00:00Z");

  private static WatchReport oneLookOneMessage(String lastError) {
    return new WatchReport(
        START,
        START.plusSeconds(3600),
        START.plusSeconds(60),
        1,
        START.plusSeconds(3600),
        "PERIOD_OVER",
        List.of(new WatchReport.Mailbox("anna@contoso.com", 1, START, lastError)));
  }

  @Test
  void countsOfOneReadAsOneInEitherLanguage() {
    assertThat(oneLookOneMessage(null).summary(Locale.ENGLISH))
        .isEqualTo(
            "Watched from 2026-03-20T08:00:00Z to 2026-03-20T09:00:00Z, one look at the source:"
                + " one late message copied to the target.\nanna@contoso.com: 1 copied");
    assertThat(oneLookOneMessage(null).summary(Locale.forLanguageTag("da")))
        .isEqualTo(
            "Overvåget fra 2026-03-20T08:00:00Z til 2026-03-20T09:00:00Z, ét kig på kilden:"
                + " én sen besked kopieret til målet.\nanna@contoso.com: 1 kopieret");
  }

  @Test
  void aMailboxWhoseLastLookFailedSaysWhy() {
    assertThat(oneLookOneMessage("connection refused").summary(Locale.ENGLISH))
        .endsWith("anna@contoso.com: 1 copied; last look failed: connection refused");
  }
}
