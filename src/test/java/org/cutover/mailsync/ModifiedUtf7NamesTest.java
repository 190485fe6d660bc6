package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.angus.mail.imap.protocol.BASE64MailboxDecoder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Folder names go over the wire in modified UTF-7 (RFC 3501 5.1.3); the expected forms are
 * Dovecot's.
 */
class ModifiedUtf7NamesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Økonomi|&ANg-konomi",
        "Kunder.Ærø|Kunder.&AMY-r&APg-",
        "Uønsket mail|U&APg-nsket mail",
        "Réunions|R&AOk-unions",
        "Family & Friends|Family &- Friends",
        "Billeder 📷|Billeder &2D3c9w-",
        "Sendt post|Sendt post"
      })
  void encodesAndDecodesDanishAndEmojiNames(String name, String wire) {
    assertThat(BASE64MailboxEncoder.encode(name)).isEqualTo(wire);
    assertThat(BASE64MailboxDecoder.decode(wire)).isEqualTo(name);
  }
}
