package org.cutover.migration.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cutover.migration.reports.MigrationReport;
import org.cutover.notify.Letter;
import org.junit.jupiter.api.Test;

/** The milestone mail's text in each language, from its message bundle. */
class MilestoneMailTextTest {

  private static MigrationReport report(String language) {
    return new MigrationReport(
        "mig-1",
        "contoso.com",
        "wave-1",
        "MIGRATING",
        "SYNCED",
        language,
        Instant.parse("2026-12-01T08:00:00Z"),
        List.of());
  }

  @Test
  void theEnglishMailNamesTheBatchItsFiguresAndTheReport() {
    Letter mail = MilestoneMailText.of(report("en"), Milestone.INITIAL_SYNC_DONE);

    assertThat(mail.subject()).endsWith(": contoso.com (wave-1)");
    assertThat(mail.body())
        .startsWith("The migration of contoso.com, batch wave-1: ")
        .contains("Phase: MIGRATING\n")
        .contains("Mailboxes: 0\n")
        .contains("report.csv with Microsoft's columns")
        .contains("GET /api/migrations/mig-1/report.html");
  }

  @Test
  void theDanishMailSaysTheSameInDanish() {
    Letter mail = MilestoneMailText.of(report("da"), Milestone.INITIAL_SYNC_DONE);

    assertThat(mail.body())
        .startsWith("Migreringen af contoso.com, batch wave-1: ")
        .contains("Fase: MIGRATING\n")
        .contains("Elementer sprunget over: 0\n")
        .contains("Rapporten er vedhæftet")
        .doesNotContain("Microsoft's");
  }
}
