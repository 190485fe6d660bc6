package org.cutover.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cutover.migration.MailboxProgress;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationStore;
import org.springframework.stereotype.Component;

/**
 * A migration's mailboxes a page at a time, filtered by status (and, for people, by a part of the
 * address or name) and sorted: the query behind {@code GET /api/migrations/{id}/mailboxes} and the
 * dashboard's batch table. A bad filter, sort or page is refused with a 400 that names it.
 */
@Component
public class MailboxPages {

  private final MigrationStore store;

  MailboxPages(MigrationStore store) {
    this.store = store;
  }

  /**
   * One page of mailboxes and what it is of.
   *
   * @param filter the status filter: ALL, WAITING, SYNCING, SYNCED or FAILED
   * @param total mailboxes the filter selects, on all pages
   * @param mailboxes the page's mailboxes
   * @param progress the running or last pass of each mailbox on the page that has one, by id
   */
  public record Page(
      String filter,
      int page,
      int size,
      long total,
      List<MailboxState> mailboxes,
      Map<String, MailboxProgress> progress) {}

  /** The status filters, in the order a person picks from them. */
  public static List<String> filters() {
    return java.util.Arrays.stream(MailboxFilter.values())
        .filter(f -> f != MailboxFilter.NONE)
        .map(f -> f.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  /** The sort fields ({@code emailAddress}, ...); a leading - sorts descending. */
  public static List<String> sortFields() {
    return java.util.Arrays.stream(MailboxSort.values()).map(MailboxSort::parameter).toList();
  }

  /**
   * The page.
   *
   * @param containing only mailboxes whose address or display name holds this (any case); null or
   *     blank for all
   * @throws MigrationNotFound for an unknown migration
   */
  public Page page(
      String migrationId, String status, String containing, int page, int size, String sort) {
    MailboxFilter shown = MailboxFilter.parse(status, "status");
    if (shown == MailboxFilter.NONE) {
      throw MailboxFilter.unknown(status, "status");
    }
    MailboxFilter.checkPage(page, size);
    var order = MailboxSort.parse(sort);
    if (store.find(migrationId).isEmpty()) {
      throw MigrationNotFound.migration(migrationId);
    }
    String part =
        containing == null || containing.isBlank()
            ? null
            : containing.strip().toLowerCase(Locale.ROOT);
    List<MailboxState> matching =
        store.mailboxes(migrationId).stream()
            .filter(mailbox -> shown.shows(mailbox.status()))
            .filter(mailbox -> part == null || holds(mailbox, part))
            .sorted(order)
            .toList();
    List<MailboxState> onPage = matching.stream().skip((long) page * size).limit(size).toList();
    Map<String, MailboxProgress> progress =
        onPage.isEmpty() ? Map.of() : store.progress(migrationId);
    return new Page(shown.name(), page, size, matching.size(), onPage, progress);
  }

  private static boolean holds(MailboxState mailbox, String part) {
    return mailbox.emailAddress().toLowerCase(Locale.ROOT).contains(part)
        || (mailbox.displayName() != null
            && mailbox.displayName().toLowerCase(Locale.ROOT).contains(part));
  }
}
