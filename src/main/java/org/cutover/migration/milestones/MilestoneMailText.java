package org.cutover.migration.milestones;

import java.util.Locale;
import org.cutover.migration.reports.MigrationReport;
import org.cutover.notify.Letter;

/** The short mail at a milestone: what happened and the report's figures, English or Danish. */
final class MilestoneMailText {

  private MilestoneMailText() {}

  static Letter of(MigrationReport report, Milestone milestone) {
    boolean danish = "da".equals(report.language());
    String title = milestone.title(report.language());
    String subject = title + ": " + report.domain() + " (" + report.batchName() + ")";
    StringBuilder body = new StringBuilder();
    if (danish) {
      body.append("Migreringen af ")
          .append(report.domain())
          .append(", batch ")
          .append(report.batchName())
          .append(": ")
          .append(title.toLowerCase(Locale.ROOT))
          .append(".\n\n")
          .append(line("Fase", report.phase()))
          .append(line("Batchstatus", report.batchStatus()))
          .append(line("Postkasser", String.valueOf(report.mailboxes().size())))
          .append(line("  synkroniseret", String.valueOf(report.mailboxesWith("SYNCED"))))
          .append(
              line(
                  "  synkroniseret med fejl",
                  String.valueOf(report.mailboxesWith("SYNCED_WITH_ERRORS"))))
          .append(line("  mislykkedes", String.valueOf(report.mailboxesWith("FAILED"))))
          .append(line("Elementer kopieret", String.valueOf(report.itemsSynced())))
          .append(line("Elementer sprunget over", String.valueOf(report.itemsSkipped())))
          .append(line("Bytes", String.valueOf(report.bytes())))
          .append("\nRapporten er vedhæftet: report.html til at læse, report.csv med Microsofts")
          .append(" kolonner. Den nyeste: GET /api/migrations/")
          .append(report.migrationId())
          .append("/report.html\n");
    } else {
      body.append("The migration of ")
          .append(report.domain())
          .append(", batch ")
          .append(report.batchName())
          .append(": ")
          .append(title.toLowerCase(Locale.ROOT))
          .append(".\n\n")
          .append(line("Phase", report.phase()))
          .append(line("Batch status", report.batchStatus()))
          .append(line("Mailboxes", String.valueOf(report.mailboxes().size())))
          .append(line("  synced", String.valueOf(report.mailboxesWith("SYNCED"))))
          .append(
              line(
                  "  synced with errors",
                  String.valueOf(report.mailboxesWith("SYNCED_WITH_ERRORS"))))
          .append(line("  failed", String.valueOf(report.mailboxesWith("FAILED"))))
          .append(line("Items synced", String.valueOf(report.itemsSynced())))
          .append(line("Items skipped", String.valueOf(report.itemsSkipped())))
          .append(line("Bytes", String.valueOf(report.bytes())))
          .append("\nThe report is attached: report.html to read, report.csv with Microsoft's")
          .append(" columns. The latest: GET /api/migrations/")
          .append(report.migrationId())
          .append("/report.html\n");
    }
    return new Letter(subject, body.toString());
  }

  private static String line(String label, String value) {
    return label + ": " + value + "\n";
  }
}
