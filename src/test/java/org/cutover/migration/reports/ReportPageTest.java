package org.cutover.migration.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportPageTest {

  @Test
  void englishPageListsMailboxesFoldersAndSkippedMessagesWithReasons() {
    String html = ReportPage.render(ReportSamples.migration(), Locale.ENGLISH);

    assertThat(html)
        .contains("<html lang=\"en\">")
        .contains("Migration report: contoso.dk, batch wave1")
        .contains("Synced with errors")
        .contains("Failed")
        .contains("Login refused by the source: AUTHENTICATIONFAILED")
        .contains("Over the size limit")
        .contains("Refused by the target")
        .contains("NO [LIMIT] Mail too large")
        .contains("&lt;big@contoso.dk&gt;")
        .contains("ab".repeat(32))
        .contains("2026-03-01 10:00:00 UTC")
        .contains("1 message refused by the target; a pass fails the mailbox when more than 50")
        .contains("by the messages not copied")
        .doesNotContain("1 messages", "1 mailboxes");
  }

  @Test
  void escapesWhatMessagesSay() {
    String html = ReportPage.render(ReportSamples.migration(), Locale.ENGLISH);

    assertThat(html).doesNotContain("<b>version</b>").contains("&lt;b&gt;version&lt;/b&gt;");
  }

  @Test
  void danishPageSpeaksDanish() {
    String html = ReportPage.render(ReportSamples.migration(), Locale.forLanguageTag("da"));

    assertThat(html)
        .contains("<html lang=\"da\">")
        .contains("Migreringsrapport: contoso.dk, batch wave1")
        .contains("Synkroniseret med fejl")
        .contains("Over størrelsesgrænsen")
        .contains("Afvist af målet")
        .contains("Mislykkedes")
        .contains("1 besked afvist af målet")
        .doesNotContain("1 beskeder", "1 postkasser");
  }

  @Test
  void mailboxPageShowsThatMailboxOnly() {
    MigrationReport report = ReportSamples.migration();
    String html = ReportPage.render(report, List.of(report.mailboxes().get(1)), Locale.ENGLISH);

    assertThat(html).contains("bo@contoso.dk").doesNotContain("anna@contoso.dk");
  }
}
