package org.cutover.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cutover.migration.MailboxStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which mailboxes {@code GET /api/migrations/{id}} lists ({@code ?mailboxes=}) and {@code GET
 * /api/migrations/{id}/mailboxes} pages through ({@code ?status=}).
 */
enum MailboxFilter {
  ALL,
  WAITING,
  SYNCING,
  SYNCED,
  FAILED,
  NONE;

  static final int MAX_PAGE_SIZE = 500;

  boolean shows(MailboxStatus status) {
    return switch (this) {
      case ALL -> true;
      case WAITING -> status == MailboxStatus.QUEUED || status == MailboxStatus.PROVISIONING;
      case SYNCING ->
          status == MailboxStatus.SYNCING || status == MailboxStatus.INCREMENTAL_SYNCING;
      case SYNCED -> status == MailboxStatus.SYNCED || status == MailboxStatus.SYNCED_WITH_ERRORS;
      case FAILED -> status == MailboxStatus.FAILED;
      case NONE -> false;
    };
  }

  static MailboxFilter parse(String value) {
    return parse(value, "mailboxes");
  }

  /** The filter {@code value} names, a bad value refused naming the parameter {@code name}. */
  static MailboxFilter parse(String value, String name) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw unknown(value, name);
    }
  }

  /** A value of parameter {@code name} that names no filter of the list it takes. */
  static ResponseStatusException unknown(String value, String name) {
    boolean listing = name.equals("mailboxes");
    return new ResponseStatusException(
        HttpStatus.BAD_REQUEST,
        name
            + " must be one of "
            + Arrays.stream(values())
                .filter(v -> listing || v != NONE)
                .map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ", not '"
            + value
            + "'");
  }

  static void checkPage(int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "page must be 0 or more and size from 1 to "
              + MAX_PAGE_SIZE
              + ", not page="
              + page
              + " and size="
              + size);
    }
  }
}
