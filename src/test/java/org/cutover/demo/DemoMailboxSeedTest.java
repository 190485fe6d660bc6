package org.cutover.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DemoMailboxSeedTest {

  private final DemoProperties demo =
      new DemoProperties(
          "127.0.0.1",
          3143,
          3144,
          3025,
          "contoso.test",
          List.of("anna", "bo", "carl"),
          "token",
          true,
          "migration.json");
  private final DemoMailboxSeed seed = new DemoMailboxSeed(demo);

  @Test
  void sampleMailIsTheSameByteForByteOnEveryStart() throws Exception {
    Session session = Session.getInstance(new Properties());
    List<DemoMailboxSeed.SampleMessage> first = seed.samples("anna");
    List<DemoMailboxSeed.SampleMessage> second = seed.samples("anna");
    for (int i = 0; i < first.size(); i++) {
      assertThat(bytes(first.get(i), session)).isEqualTo(bytes(second.get(i), session));
    }
  }

  @Test
  void sampleMailCarriesEveryFlagAndAttachmentsInEveryFolder() {
    List<DemoMailboxSeed.SampleMessage> samples = seed.samples("bo");
    assertThat(samples)
        .extracting(DemoMailboxSeed.SampleMessage::folder)
        .contains("INBOX")
        .containsAll(DemoMailboxSeed.FOLDERS);
    assertThat(samples)
        .anyMatch(s -> s.flags().contains(Flags.Flag.SEEN))
        .anyMatch(s -> s.flags().contains(Flags.Flag.FLAGGED))
        .anyMatch(s -> s.flags().contains(Flags.Flag.ANSWERED))
        .anyMatch(s -> s.flags().contains(DemoMailboxSeed.KEYWORD))
        .anyMatch(s -> s.attachment() != null);
  }

  private static byte[] bytes(DemoMailboxSeed.SampleMessage sample, Session session)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    sample.toMime(session).writeTo(out);
    return out.toByteArray();
  }
}
