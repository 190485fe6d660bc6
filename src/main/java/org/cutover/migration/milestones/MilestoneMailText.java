package org.cutover.migration.milestones;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cutover.migration.reports.MigrationReport;
import org.cutover.notify.Letter;

/** The short mail at a milestone: what happened and the report's figures, English or Danish. */
final class MilestoneMailText {

  private MilestoneMailText() {}

  static Letter of(MigrationReport report, Milestone milestone) {
    String title = milestone.title(report.language());
    ResourceBundle text =
        ResourceBundle.getBundle(
            "milestones.mail",
            Locale.forLanguageTag("da".equals(report.language()) ? "da" : "en"),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String body =
        MessageFormat.format(
                text.getString("intro"),
                report.domain(),
                report.batchName(),
                title.toLowerCase(Locale.ROOT))
            + "\n\n"
            + line(text, "phase", report.phase())
            + line(text, "batchStatus", report.batchStatus())
            + line(text, "mailboxes", report.mailboxes().size())
            + line(text, "synced", report.mailboxesWith("SYNCED"))
            + line(text, "syncedWithErrors", report.mailboxesWith("SYNCED_WITH_ERRORS"))
            + line(text, "failed", report.mailboxesWith("FAILED"))
            + line(text, "itemsSynced", report.itemsSynced())
            + line(text, "itemsSkipped", report.itemsSkipped())
            + line(text, "bytes", report.bytes())
            + "\n"
            + MessageFormat.format(text.getString("attached"), report.migrationId())
            + "\n";
    String subject = title + ": " + report.domain() + " (" + report.batchName() + ")";
    return new Letter(subject, body);
  }

  private static String line(ResourceBundle text, String label, Object value) {
    return text.getString(label) + ": " + value + "\n";
  }
}
