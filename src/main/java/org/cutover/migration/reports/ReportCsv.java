package org.cutover.migration.reports;

import java.time.Instant;
import java.util.List;

/**
 * Reports as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line
 * break quoted), with the columns of Microsoft's migration reports so that administrators' sheets
 * and scripts read them as they are.
 */
public final class ReportCsv {

  /** Microsoft's migration report columns, in their order. */
  public static final List<String> MAILBOX_COLUMNS =
      List.of(
          "EmailAddress",
          "Status",
          "ItemsSynced",
          "ItemsSkipped",
          "Bytes",
          "LastSyncedTime",
          "Error");

  /** The columns of the list of messages left out. */
  public static final List<String> SKIPPED_COLUMNS =
      List.of(
          "EmailAddress",
          "Folder",
          "Uid",
          "MessageId",
          "Subject",
          "Size",
          "Date",
          "Reason",
          "Detail",
          "PassStarted");

  private ReportCsv() {}

  /** One line per mailbox. */
  public static String mailboxes(List<MailboxReport> mailboxes) {
    StringBuilder csv = new StringBuilder();
    line(csv, MAILBOX_COLUMNS);
    for (MailboxReport m : mailboxes) {
      line(
          csv,
          List.of(
              m.emailAddress(),
              m.statusWord(),
              Long.toString(m.itemsSynced()),
              Long.toString(m.itemsSkipped()),
              Long.toString(m.bytes()),
              time(m.lastSyncedTime()),
              m.error() == null ? "" : m.error()));
    }
    return csv.toString();
  }

  /** One line per message left out, of every mailbox given. */
  public static String skipped(List<MailboxReport> mailboxes) {
    StringBuilder csv = new StringBuilder();
    line(csv, SKIPPED_COLUMNS);
    for (MailboxReport m : mailboxes) {
      for (SkippedMessage s : m.skipped()) {
        line(
            csv,
            List.of(
                m.emailAddress(),
                s.folder(),
                Long.toString(s.uid()),
                nullToEmpty(s.messageId()),
                nullToEmpty(s.subject()),
                Long.toString(s.size()),
                time(s.date()),
                s.reason(),
                nullToEmpty(s.detail()),
                time(s.passStarted())));
      }
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(field(fields.get(i)));
    }
    csv.append("\r\n");
  }

  static String field(String value) {
    // A leading = + - @ would make a spreadsheet evaluate the field as a formula.
    String safe =
        !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
            ? "'" + value
            : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static boolean isNumber(String value) {
    return value.matches("-?\\d+");
  }

  private static String time(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
