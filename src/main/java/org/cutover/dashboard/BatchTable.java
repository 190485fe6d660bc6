package org.cutover.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cutover.api.MailboxPages;
import org.cutover.migration.MailboxProgress;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;

/**
 * One page of a batch's mailboxes as the table shows them, with the links that sort it by a column,
 * filter it and turn its pages.
 */
public record BatchTable(
    String migrationId,
    String filter,
    String containing,
    String sort,
    int page,
    int pages,
    long total,
    List<Row> rows,
    List<String> filters,
    DashboardLinks links) {

  /**
   * One mailbox: its status (for a mailbox of a deleted batch, the one its last pass left) and its
   * running or last pass.
   */
  public record Row(
      String link,
      String emailAddress,
      String displayName,
      String status,
      String css,
      boolean removed,
      long messagesCopied,
      long messagesSkipped,
      long bytesCopied,
      Instant lastSuccessfulSync,
      String lastError,
      MailboxProgress pass,
      boolean syncing) {}

  static BatchTable of(
      String migrationId,
      MailboxPages.Page page,
      Map<String, String> reported,
      String containing,
      String sort,
      DashboardLinks links) {
    List<Row> rows =
        page.mailboxes().stream()
            .map(m -> row(m, page.progress().get(m.id()), reported.get(m.emailAddress()), links))
            .toList();
    int pages = (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
    return new BatchTable(
        migrationId,
        page.filter().toLowerCase(java.util.Locale.ROOT),
        containing == null ? "" : containing.strip(),
        sort,
        page.page(),
        pages,
        page.total(),
        rows,
        MailboxPages.filters(),
        links);
  }

  private static Row row(
      MailboxState m, MailboxProgress pass, String reported, DashboardLinks links) {
    boolean removed = m.status() == MailboxStatus.REMOVED;
    MailboxStatus shown = m.status();
    if (removed && reported != null) {
      try {
        shown = MailboxStatus.valueOf(reported);
      } catch (IllegalArgumentException unknown) {
        shown = m.status();
      }
    }
    return new Row(
        links.mailbox(m.migrationId(), m.id()),
        m.emailAddress(),
        m.displayName(),
        shown.name(),
        StatusChart.css(shown),
        removed,
        m.messagesCopied(),
        m.messagesSkipped(),
        m.bytesCopied(),
        m.lastSuccessfulSync(),
        m.lastError(),
        pass,
        m.status() == MailboxStatus.SYNCING || m.status() == MailboxStatus.INCREMENTAL_SYNCING);
  }

  /** The link that sorts by {@code field}: ascending, or descending when it is sorted so now. */
  public String sortBy(String field) {
    String next = sort.equals(field) ? "-" + field : field;
    return links.batch(migrationId, filter, containing, next, 0);
  }

  /** The arrow a column's head shows when the table is sorted by it. */
  public String arrow(String field) {
    if (sort.equals(field)) {
      return "▲";
    }
    return sort.equals("-" + field) ? "▼" : "";
  }

  public String pageLink(int to) {
    return links.batch(migrationId, filter, containing, sort, to);
  }

  public String filterLink(String to) {
    return links.batch(migrationId, to, containing, sort, 0);
  }
}
