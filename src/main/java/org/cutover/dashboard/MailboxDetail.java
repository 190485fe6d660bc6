package org.cutover.dashboard;

import org.cutover.migration.MailboxProgress;
import org.cutover.migration.MailboxState;
import org.cutover.migration.reports.MailboxReport;

/**
 * One mailbox: its state, its running or last pass, and its report (each folder's reconciliation
 * and every message its last pass did not copy); the report is null before its first pass ended.
 */
public record MailboxDetail(MailboxState state, MailboxProgress pass, MailboxReport report) {

  static MailboxDetail of(MailboxState state, MailboxProgress pass, MailboxReport report) {
    return new MailboxDetail(state, pass, report);
  }

  /** The status the page names: for a mailbox of a deleted batch, the one its last pass left. */
  public String status() {
    return report != null ? report.status() : state.status().name();
  }

  public String css() {
    try {
      return StatusChart.css(org.cutover.migration.MailboxStatus.valueOf(status()));
    } catch (IllegalArgumentException unknown) {
      return "gone";
    }
  }
}
