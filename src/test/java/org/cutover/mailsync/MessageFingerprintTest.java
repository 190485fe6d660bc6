package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageFingerprintTest {

  private static final Instant DATE = Instant.parse("2024-05-06T07:08:09Z");

  private static MessageFingerprint of(String text, long size) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return MessageFingerprint.of(b, 0, b.length, DATE, size);
  }

  private static final String MESSAGE =
      "From: a@example.com\r\nMessage-ID:\r\n <m1@example.com>\r\nSubject: Hej\r\n\r\nBody\r\n\r\nMore\r\n";

  @Test
  void isTheSameFromTheWholeMessageAndFromItsHeaderSection() {
    String header = MESSAGE.substring(0, MESSAGE.indexOf("\r\n\r\n") + 4);

    assertThat(of(MESSAGE, 100)).isEqualTo(of(header, 100));
  }

  @Test
  void isStableAcrossVersions() {
    // Pending appends keep this form; a later version must compute the same from the same bytes.
    String message =
        "From: Bo <bo@contoso.test>\r\nSubject: Tilbud p\u00e5 \u00c6r\u00f8\r\nMessage-ID:\r\n"
            + "  <tilbud-17@contoso.test>\r\nDate: Mon, 3 Mar 2025 10:00:00 +0100\r\n\r\nHej Anna\r\n";

    assertThat(of(message, 1234).stored())
        .isEqualTo(
            "v1:1234:1714979289:78a8a6559fdd3dedea260c80:"
                + "d8e2f2c662467a446fde6a6babb0c6bb27d7dcd1a9cc9447b9c4b4cd478740d7");
  }

  @Test
  void ignoresCarriageReturns() {
    assertThat(of(MESSAGE.replace("\r\n", "\n"), 100)).isEqualTo(of(MESSAGE, 100));
  }

  @Test
  void treatsAMessageWithoutBodyOrFinalNewlineLikeItsHeaderSection() {
    String headersOnly = "From: a@example.com\r\nSubject: only headers";

    assertThat(of(headersOnly, 10)).isEqualTo(of(headersOnly + "\r\n\r\n", 10));
  }

  @Test
  void readsAFoldedMessageIdAndTellsMessagesApartByIt() {
    MessageFingerprint a = of(MESSAGE, 100);
    MessageFingerprint b = of(MESSAGE.replace("m1@", "m2@"), 100);

    assertThat(a.messageId()).isNotEmpty();
    assertThat(a.messageId()).isNotEqualTo(b.messageId());
    assertThat(a.headerDigest()).isNotEqualTo(b.headerDigest());
  }

  @Test
  void hasNoMessageIdWhenTheMessageHasNone() {
    MessageFingerprint f = of("From: a@example.com\r\n\r\nx\r\n", 5);

    assertThat(f.messageId()).isEmpty();
    assertThat(f.messageIdAndDate()).isNull();
  }

  @Test
  void dependsOnDateAndSize() {
    byte[] b = MESSAGE.getBytes(StandardCharsets.ISO_8859_1);
    MessageFingerprint base = MessageFingerprint.of(b, 0, b.length, DATE, 100);

    assertThat(MessageFingerprint.of(b, 0, b.length, DATE.plusSeconds(1), 100)).isNotEqualTo(base);
    assertThat(MessageFingerprint.of(b, 0, b.length, DATE, 101).withoutSize())
        .isEqualTo(base.withoutSize());
  }

  @Test
  void survivesItsStoredForm() {
    MessageFingerprint f = of(MESSAGE, 1234);

    assertThat(MessageFingerprint.parse(f.stored())).isEqualTo(f);
  }

  @Test
  void digestsAMessageFedInPiecesLikeOneFedWhole() {
    byte[] b = MESSAGE.getBytes(StandardCharsets.ISO_8859_1);
    MessageFingerprint.Digester d = new MessageFingerprint.Digester();
    for (int i = 0; i < b.length; i += 3) {
      d.update(b, i, Math.min(3, b.length - i));
    }

    assertThat(d.headerComplete()).isTrue();
    assertThat(d.finish(DATE, 100)).isEqualTo(of(MESSAGE, 100));
  }
}
