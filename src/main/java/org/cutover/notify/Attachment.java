package org.cutover.notify;

/**
 * A file sent with a message.
 *
 * @param fileName the name the recipient sees, such as {@code report.csv}
 * @param contentType its MIME type, such as {@code text/csv; charset=UTF-8}
 * @param content its bytes
 */
public record Attachment(String fileName, String contentType, byte[] content) {

  public Attachment {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
