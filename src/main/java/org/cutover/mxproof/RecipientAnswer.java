package org.cutover.mxproof;

/**
 * What the mail exchanger answered to {@code RCPT TO} for one address.
 *
 * @param address the address asked for
 * @param verdict accepted, refused (would bounce) or unanswered (4xx after every try, or no
 *     connection)
 * @param reply the server's reply line(s) as it sent them, e.g. {@code 550 5.1.1 <x@contoso.com>:
 *     Recipient address rejected}, or what went wrong when it gave none
 */
public record RecipientAnswer(String address, Verdict verdict, String reply) {

  /** How an address fared at the new MX. */
  public enum Verdict {
    /** 2xx: mail to it would be delivered. */
    ACCEPTED,
    /** 5xx: mail to it would bounce. */
    REFUSED,
    /** Only 4xx answers or no answer at all: not proved either way. */
    UNANSWERED;
  }

  public boolean accepted() {
    return verdict == Verdict.ACCEPTED;
  }

  /** One line for a task form: the address and the server's answer. */
  public String line() {
    return address + ": " + reply;
  }
}
