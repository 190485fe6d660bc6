package org.cutover.migration.watch;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A watch for late mail: its period, its looks at the source, how it ended ({@code PERIOD_OVER} or
 * {@code ROLLED_BACK}; null while it runs), and per mailbox what it copied to the target.
 */
public record WatchReport(
    Instant startedAt,
    Instant endsAt,
    Instant lastCheckAt,
    int checks,
    Instant endedAt,
    String endedHow,
    List<Mailbox> mailboxes) {

  public WatchReport {
    mailboxes = List.copyOf(mailboxes);
  }

  /** One mailbox: messages copied to the target since the watch began, and its last problem. */
  public record Mailbox(
      String emailAddress, long messagesCopied, Instant lastCheckAt, String lastError) {}

  public long messagesCopied() {
    return mailboxes.stream().mapToLong(Mailbox::messagesCopied).sum();
  }

  /**
   * The summary the administrator reads when the watch ends, one line per mailbox, in the
   * migration's language.
   */
  public String summary(Locale locale) {
    ResourceBundle texts =
        ResourceBundle.getBundle(
            "ValidationMessages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    List<String> lines = new ArrayList<>();
    lines.add(
        text(
            texts,
            locale,
            "cutover.watch.summary",
            startedAt,
            endedAt != null ? endedAt : endsAt,
            checks,
            messagesCopied()));
    for (Mailbox mailbox : mailboxes) {
      lines.add(
          mailbox.lastError() == null
              ? text(
                  texts,
                  locale,
                  "cutover.watch.mailbox",
                  mailbox.emailAddress(),
                  mailbox.messagesCopied())
              : text(
                  texts,
                  locale,
                  "cutover.watch.mailboxFailed",
                  mailbox.emailAddress(),
                  mailbox.messagesCopied(),
                  mailbox.lastError()));
    }
    return String.join("\n", lines);
  }

  private static String text(ResourceBundle texts, Locale locale, String key, Object... arguments) {
    return new MessageFormat(texts.getString(key), locale).format(arguments);
  }
}
