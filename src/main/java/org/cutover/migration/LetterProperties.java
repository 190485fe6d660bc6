package org.cutover.migration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Letters to users and the administrator ({@code cutover.letters.*}); the SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param from the sender of every letter, {@code it@contoso.com} or {@code Contoso IT
 *     <it@contoso.com>}; required when {@code spring.mail.host} is set
 * @param administratorEmail where the licence reminder and the reports of undelivered letters go;
 *     required when {@code spring.mail.host} is set
 * @param contactName whom users are told to ask; none: "your IT support" in the letter's language
 * @param contactEmail the contact's address, also the letters' Reply-To; none: the administrator's
 * @param sendAttempts times one letter is tried within one run of a step before it is left for the
 *     step's retry
 * @param retryBackoff the wait before the second try, doubled before each further one
 */
@ConfigurationProperties("cutover.letters")
public record LetterProperties(
    String from,
    String administratorEmail,
    String contactName,
    String contactEmail,
    @DefaultValue("3") int sendAttempts,
    @DefaultValue("PT2S") Duration retryBackoff) {

  public LetterProperties {
    from = blankToNull(from);
    administratorEmail = blankToNull(administratorEmail);
    contactName = blankToNull(contactName);
    contactEmail = blankToNull(contactEmail);
    if (sendAttempts < 1) {
      throw new IllegalArgumentException(
          "cutover.letters.send-attempts must be 1 or more, not " + sendAttempts);
    }
    if (retryBackoff == null || retryBackoff.isNegative()) {
      throw new IllegalArgumentException(
          "cutover.letters.retry-backoff must be a duration of zero or more, such as PT2S");
    }
  }

  /** The address users are told to write to: the contact's, else the administrator's. */
  String contactAddress() {
    return contactEmail != null ? contactEmail : administratorEmail;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
