package org.cutover.mxproof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cutover.mxproof.RecipientAnswer.Verdict;
import org.cutover.testsupport.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against a real Postfix that knows some recipients of contoso.test and refuses the rest
 * with 550 5.1.1 at RCPT, over STARTTLS with the server's certificate trusted.
 */
class SmtpRecipientProbeIT {

  @TempDir static Path folder;
  static PrivatePostfix postfix;

  @BeforeAll
  static void startPostfix() throws Exception {
    postfix =
        PrivatePostfix.start(
            folder, List.of("anna@contoso.test", "sales@contoso.test", "bo@contoso.test"), 2);
  }

  @AfterAll
  static void stopPostfix() {
    if (postfix != null) {
      postfix.close();
    }
  }

  private static MxProofProperties settings() {
    return new MxProofProperties(
        "", 25, "", "probe.cutover.test", Duration.ofSeconds(10), 2, Duration.ZERO, 100, null);
  }

  private static SmtpRecipientProbe probe(List<Duration> waits) {
    return new SmtpRecipientProbe(
        settings(), PemTrust.socketFactory(postfix.certificate()), waits::add);
  }

  @Test
  void namesTheAddressesTheMailExchangerRefuses() throws Exception {
    List<RecipientAnswer> answers =
        probe(new ArrayList<>())
            .ask(
                new MailExchangerAddress("localhost", postfix.port()),
                List.of(
                    "anna@contoso.test",
                    "anna.jensen@contoso.test",
                    "sales@contoso.test",
                    "bo@contoso.test",
                    "groups-all@contoso.test"));

    assertThat(answers)
        .extracting(RecipientAnswer::address, RecipientAnswer::verdict)
        .containsExactly(
            tuple("anna@contoso.test", Verdict.ACCEPTED),
            tuple("anna.jensen@contoso.test", Verdict.REFUSED),
            tuple("sales@contoso.test", Verdict.ACCEPTED),
            tuple("bo@contoso.test", Verdict.ACCEPTED),
            tuple("groups-all@contoso.test", Verdict.REFUSED));
    assertThat(answers.get(1).reply())
        .startsWith("550 5.1.1 <anna.jensen@contoso.test>")
        .contains("User unknown");
    // Five recipients against a limit of two accepted per message: after the 452 a second
    // transaction took the rest; STARTTLS was used and DATA never sent.
    assertThat(postfix.log())
        .contains("ehlo=2 starttls=1 mail=2 rcpt=4/6 rset=2 quit=1")
        .doesNotContain("data=");
    assertThat(postfix.queuedMessages()).isZero();
  }

  @Test
  void leavesAddressesUnansweredAfterEveryTryWhenTheServerOnlyDefers() {
    List<Duration> waits = new ArrayList<>();
    List<RecipientAnswer> answers =
        probe(waits)
            .ask(
                new MailExchangerAddress("localhost", postfix.port()),
                List.of("someone@elsewhere.test", "anna@contoso.test"));

    // Postfix defers mail for a domain it does not serve (454 relay access denied).
    assertThat(answers)
        .extracting(RecipientAnswer::address, RecipientAnswer::verdict)
        .containsExactly(
            tuple("someone@elsewhere.test", Verdict.UNANSWERED),
            tuple("anna@contoso.test", Verdict.ACCEPTED));
    assertThat(answers.get(0).reply()).startsWith("454 4.7.1");
    assertThat(waits).containsExactly(Duration.ZERO);
  }

  @Test
  void refusesTheCertificateOfAServerItDoesNotTrust() {
    SmtpRecipientProbe trustingTheDefaults =
        new SmtpRecipientProbe(settings(), null, duration -> {});

    List<RecipientAnswer> answers =
        trustingTheDefaults.ask(
            new MailExchangerAddress("localhost", postfix.port()), List.of("anna@contoso.test"));

    assertThat(answers).extracting(RecipientAnswer::verdict).containsExactly(Verdict.UNANSWERED);
    assertThat(answers.get(0).reply()).startsWith("could not talk to localhost:");
  }

  @Test
  void reportsAnUnreachableMailExchangerWithoutAnswers() {
    int closed = FreePort.pick();
    List<RecipientAnswer> answers =
        probe(new ArrayList<>())
            .ask(new MailExchangerAddress("127.0.0.1", closed), List.of("anna@contoso.test"));

    assertThat(answers).extracting(RecipientAnswer::verdict).containsExactly(Verdict.UNANSWERED);
    assertThat(answers.get(0).reply()).contains("could not talk to 127.0.0.1:" + closed);
  }
}
