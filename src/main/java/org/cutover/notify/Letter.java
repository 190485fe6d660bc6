package org.cutover.notify;

/**
 * A letter's text: one subject line and a plain-text body. Either may still hold {@code {{name}}}
 * placeholders that are filled for each recipient ({@link Placeholders}).
 */
public record Letter(String subject, String body) {

  public Letter {
    if (subject == null || body == null) {
      throw new IllegalArgumentException("A letter needs a subject and a body");
    }
  }
}
