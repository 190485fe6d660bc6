package org.cutover.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cutover.migration.MailboxState;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The order of {@code GET /api/migrations/{id}/mailboxes} ({@code ?sort=}): a field, descending
 * with a leading {@code -}. Ties keep the batch's own order, so pages never overlap.
 */
enum MailboxSort {
  POSITION(Comparator.comparingInt(mailbox -> 0)),
  EMAIL_ADDRESS(Comparator.comparing(MailboxState::emailAddress, String.CASE_INSENSITIVE_ORDER)),
  STATUS(Comparator.comparing(mailbox -> mailbox.status().name())),
  LAST_SUCCESSFUL_SYNC(
      Comparator.comparing(
          MailboxState::lastSuccessfulSync,
          Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))),
  MESSAGES_COPIED(Comparator.comparingLong(MailboxState::messagesCopied)),
  BYTES_COPIED(Comparator.comparingLong(MailboxState::bytesCopied));

  private final Comparator<MailboxState> ascending;

  MailboxSort(Comparator<MailboxState> ascending) {
    this.ascending = ascending;
  }

  /** The parameter's name of this field: {@code emailAddress}, {@code lastSuccessfulSync}. */
  String parameter() {
    String[] words = name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  /**
   * The order {@code value} names, such as {@code emailAddress} or {@code -bytesCopied}; a stable
   * sort of the batch's order by it.
   */
  static Comparator<MailboxState> parse(String value) {
    String field = value.strip();
    boolean descending = field.startsWith("-");
    String name = descending ? field.substring(1) : field;
    for (MailboxSort sort : values()) {
      if (sort.parameter().equals(name)) {
        return descending ? sort.ascending.reversed() : sort.ascending;
      }
    }
    throw new ResponseStatusException(
        HttpStatus.BAD_REQUEST,
        "sort must be one of "
            + Arrays.stream(values()).map(MailboxSort::parameter).collect(Collectors.joining(", "))
            + ", each with a leading - for descending order, not '"
            + value
            + "'");
  }
}
