package org.cutover.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mailboxes a sync request names, each by its address or id, checked against the migration: one
 * that is not in it, or was removed with the batch, is refused with where it stands in the request
 * and what to do, in the request's language.
 */
@Component
public class RequestedMailboxes {

  private final MigrationStore store;

  RequestedMailboxes(MigrationStore store) {
    this.store = store;
  }

  /**
   * The mailboxes named, in the order first named; every mailbox not removed when none is named.
   *
   * @throws RejectedSettings naming each entry that is no mailbox of the migration
   */
  public List<MailboxState> resolve(String migrationId, List<String> named) {
    List<MailboxState> mailboxes =
        store.mailboxes(migrationId).stream()
            .filter(mailbox -> mailbox.status() != MailboxStatus.REMOVED)
            .toList();
    if (named.isEmpty()) {
      return mailboxes;
    }
    Map<String, MailboxState> byKey = new LinkedHashMap<>();
    for (MailboxState mailbox : mailboxes) {
      byKey.put(mailbox.id(), mailbox);
      byKey.put(mailbox.emailAddress().toLowerCase(Locale.ROOT), mailbox);
    }
    Map<String, MailboxState> chosen = new LinkedHashMap<>();
    List<SettingsProblem> problems = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      String entry = named.get(i) == null ? "" : named.get(i).strip();
      MailboxState mailbox = byKey.get(entry.toLowerCase(Locale.ROOT));
      if (mailbox == null) {
        mailbox = byKey.get(entry);
      }
      if (mailbox == null) {
        problems.add(
            new SettingsProblem(
                "$.mailboxes[" + i + "]",
                RuleMessages.text("cutover.sync.unknownMailbox", migrationId)));
      } else {
        chosen.putIfAbsent(mailbox.id(), mailbox);
      }
    }
    if (!problems.isEmpty()) {
      throw new RejectedSettings(problems);
    }
    return List.copyOf(chosen.values());
  }

  /** A final sync names no mailboxes: it sweeps them all. */
  public static RejectedSettings finalTakesAll() {
    return new RejectedSettings(
        List.of(
            new SettingsProblem("$.mailboxes", RuleMessages.text("cutover.sync.finalTakesAll"))));
  }
}
