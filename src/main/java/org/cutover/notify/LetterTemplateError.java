package org.cutover.notify;

/**
 * A letter template cannot be rendered: it is missing, malformed or names a placeholder letters do
 * not have. A fault in the templates, not in the migration; the message names the template and what
 * to change.
 */
public class LetterTemplateError extends RuntimeException {

  public LetterTemplateError(String message) {
    super(message);
  }

  public LetterTemplateError(String message, Throwable cause) {
    super(message, cause);
  }
}
