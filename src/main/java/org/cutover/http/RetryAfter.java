package org.cutover.http;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How long a server asks to be left alone, from its {@code Retry-After} header (RFC 9110, 10.2.3):
 * delta-seconds ({@code 120}; a decimal fraction such as {@code 1.5} is read too, as Microsoft
 * Graph may send one) or an HTTP-date ({@code Sun, 06 Nov 1994 08:49:37 GMT}), counted from the
 * given moment. A date already past means no wait; a header that is neither is no answer, and the
 * caller waits its own default.
 */
public final class RetryAfter {

  private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

  /** Longer than any wait a caller honours, and still a {@link Duration} of milliseconds. */
  private static final BigDecimal LONGEST_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1000);

  private RetryAfter() {}

  /** The wait the response's {@code Retry-After} header asks for, if it has a readable one. */
  public static Optional<Duration> of(HttpResponse<?> response, Instant now) {
    return response.headers().firstValue("Retry-After").flatMap(value -> parse(value, now));
  }

  /** The wait a {@code Retry-After} value asks for at {@code now}, if it is readable. */
  public static Optional<Duration> parse(String value, Instant now) {
    String text = value.strip();
    if (SECONDS.matcher(text).matches()) {
      BigDecimal seconds = new BigDecimal(text).min(LONGEST_SECONDS);
      return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}
