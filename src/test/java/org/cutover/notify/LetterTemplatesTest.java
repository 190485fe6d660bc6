package org.cutover.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LetterTemplatesTest {

  private final LetterTemplates templates = new LetterTemplates();

  @Test
  void rendersTheAnnouncementWithTheMigrationsFacts() {
    Letter letter =
        templates.render(
            "announcement", "en", SampleFacts.microsoft365(), SampleFacts.PLACEHOLDERS);

    assertThat(letter.subject())
        .isEqualTo("Your e-mail at contoso.com is moving on or after Saturday 18 April 2026");
    assertThat(letter.body())
        .startsWith(
            "Dear {{displayName}},\n\nThe e-mail of contoso.com is moving to Microsoft 365.")
        .contains(
            "When: mail moves on or after Saturday 18 April 2026; a short letter with the exact"
                + " time will follow.\n")
        .contains("Classic Outlook on Windows: a new Outlook profile")
        .contains("delete the mail account and add it again as Microsoft Exchange")
        .contains("sign in at https://outlook.office.com with {{emailAddress}}")
        .contains("Ask Contoso IT at it@contoso.com.")
        .doesNotContain("[#", "[/]", "\n\n\n", "exact date");
  }

  @Test
  void rendersTheAnnouncementInDanish() {
    Letter letter =
        templates.render(
            "announcement",
            "da",
            withFact("plannedSwitch", "lørdag den 18. april 2026"),
            SampleFacts.PLACEHOLDERS);

    assertThat(letter.subject())
        .isEqualTo("Din e-mail hos contoso.com flytter lørdag den 18. april 2026 eller senere");
    assertThat(letter.body())
        .startsWith("Kære {{displayName}}\n")
        .contains(
            "Hvornår: mailen flytter lørdag den 18. april 2026 eller senere; et kort brev med det"
                + " præcise tidspunkt følger.")
        .contains("Klassisk Outlook på Windows: en ny Outlook-profil")
        .contains("Spørg Contoso IT på it@contoso.com.");
  }

  @Test
  void saysTheExactDateWillFollowWhenNoSwitchIsPlanned() {
    Letter letter =
        templates.render(
            "announcement", "en", withFact("plannedSwitch", null), SampleFacts.PLACEHOLDERS);

    assertThat(letter.subject()).isEqualTo("Your e-mail at contoso.com is moving");
    assertThat(letter.body())
        .contains("When: a short letter with the exact time will follow.")
        .doesNotContain("on or after");
  }

  @Test
  void tellsUsersOfAnImapTargetTheirServer() {
    Letter letter = templates.render("welcome", "en", SampleFacts.imap(), SampleFacts.PLACEHOLDERS);

    assertThat(letter.subject()).isEqualTo("Your e-mail at contoso.com has moved");
    assertThat(letter.body())
        .contains("Incoming mail (IMAP): imap.example.net, port 993, encryption SSL/TLS")
        .contains("Outgoing mail (SMTP): smtp.example.net, port 587, encryption STARTTLS")
        .doesNotContain("Microsoft 365", "Microsoft Exchange", "outlook.office.com", "\n\n\n");
  }

  @Test
  void listsTheMailboxesInTheLicenceReminder() {
    Letter letter =
        templates.render(
            "licence-reminder",
            "en",
            withFact("licenceDeadline", "Friday 1 May 2026"),
            SampleFacts.PLACEHOLDERS);

    assertThat(letter.subject())
        .isEqualTo("Licences needed for 2 mailboxes of contoso.com by Friday 1 May 2026");
    assertThat(letter.body())
        .contains("need a Microsoft 365 licence (EXCHANGESTANDARD)")
        .contains("Deadline for this batch: Friday 1 May 2026.")
        .contains("- ann@contoso.com\n- bo@contoso.com\n");
  }

  @Test
  void theLicenceReminderForOneMailboxSpeaksOfOne() {
    java.util.Map<String, Object> facts = new java.util.HashMap<>(SampleFacts.microsoft365());
    facts.put("mailboxCount", 1);
    facts.put("mailboxAddresses", List.of("ann@contoso.com"));

    Letter english = templates.render("licence-reminder", "en", facts, SampleFacts.PLACEHOLDERS);
    Letter danish = templates.render("licence-reminder", "da", facts, SampleFacts.PLACEHOLDERS);

    assertThat(english.subject()).startsWith("A licence needed for 1 mailbox of contoso.com");
    assertThat(english.body())
        .startsWith("The mailbox of contoso.com (batch ")
        .contains(") needs a");
    assertThat(danish.subject())
        .startsWith("Der mangler en licens til 1 postkasse hos contoso.com");
    assertThat(danish.body()).startsWith("Postkassen hos contoso.com (batch ");
    assertThat(english.subject() + english.body()).doesNotContain("1 mailboxes");
  }

  @Test
  void theLicenceReminderNamesTheUsersTheTenantShowsWithoutALicence() {
    java.util.Map<String, Object> facts = new java.util.HashMap<>(SampleFacts.microsoft365());
    facts.put("withoutLicence", List.of("bo@contoso.com"));

    Letter english = templates.render("licence-reminder", "en", facts, SampleFacts.PLACEHOLDERS);
    Letter danish = templates.render("licence-reminder", "da", facts, SampleFacts.PLACEHOLDERS);

    assertThat(english.body())
        .contains("Microsoft 365 shows 1 of them still without a licence")
        .contains("Still without a licence:\n- bo@contoso.com\n")
        .doesNotContain("- ann@contoso.com");
    assertThat(danish.body())
        .contains("Microsoft 365 viser, at 1 af dem stadig mangler en licens")
        .contains("Mangler stadig en licens:\n- bo@contoso.com\n")
        .doesNotContain("- ann@contoso.com");
  }

  @Test
  void namesTheTemplateAndTheFactWhenATemplateNamesAnUnknownOne() {
    LetterTemplates broken = new LetterTemplates("letters-broken/");

    assertThatThrownBy(
            () ->
                broken.render(
                    "unknown-fact", "en", SampleFacts.microsoft365(), SampleFacts.PLACEHOLDERS))
        .isInstanceOf(LetterTemplateError.class)
        .hasMessageStartingWith(
            "Letter template letters-broken/unknown-fact_en.txt names placeholder 'switchDate',"
                + " which letters do not have; the known ones are autodiscover, batchName,"
                + " contactEmail");
  }

  @Test
  void namesTheTemplateAndAnUnknownRecipientPlaceholder() {
    LetterTemplates broken = new LetterTemplates("letters-broken/");

    assertThatThrownBy(
            () ->
                broken.render(
                    "unknown-placeholder",
                    "en",
                    SampleFacts.microsoft365(),
                    SampleFacts.PLACEHOLDERS))
        .isInstanceOf(LetterTemplateError.class)
        .hasMessageContaining("letters-broken/unknown-placeholder_en.txt")
        .hasMessageContaining("uses placeholder {{firstName}}, which letters do not have");
  }

  @Test
  void refusesATemplateWithoutSubjectLine() {
    LetterTemplates broken = new LetterTemplates("letters-broken/");

    assertThatThrownBy(
            () ->
                broken.render(
                    "no-subject", "en", SampleFacts.microsoft365(), SampleFacts.PLACEHOLDERS))
        .isInstanceOf(LetterTemplateError.class)
        .hasMessage(
            "Letter template letters-broken/no-subject_en.txt must begin with a line 'Subject:"
                + " <the subject>'");
  }

  @Test
  void namesAMissingTemplate() {
    assertThatThrownBy(
            () ->
                templates.render(
                    "announcement", "de", SampleFacts.microsoft365(), SampleFacts.PLACEHOLDERS))
        .isInstanceOf(LetterTemplateError.class)
        .hasMessageContaining("letters/announcement_de.txt");
  }

  private static Map<String, Object> withFact(String name, Object value) {
    Map<String, Object> facts = SampleFacts.microsoft365();
    facts.put(name, value);
    return facts;
  }

  private static final String AT_SIX =
      "Saturday 18 April 2026 at 18:00 (Europe/Copenhagen, UTC+02:00)";
  private static final String KL_SEKS =
      "lørdag den 18. april 2026 kl. 18:00 (Europe/Copenhagen, UTC+02:00)";

  private static Map<String, Object> switchAt(String time) {
    Map<String, Object> facts = withFact("switchTime", time);
    facts.put("plannedSwitch", time);
    return facts;
  }

  @Test
  void theAnnouncementNamesThePlannedSwitchTimeWithItsZone() {
    Letter english =
        templates.render("announcement", "en", switchAt(AT_SIX), SampleFacts.PLACEHOLDERS);
    Letter danish =
        templates.render("announcement", "da", switchAt(KL_SEKS), SampleFacts.PLACEHOLDERS);

    assertThat(english.subject()).isEqualTo("Your e-mail at contoso.com is moving on " + AT_SIX);
    assertThat(english.body())
        .contains("When: mail moves on " + AT_SIX + ".\n")
        .doesNotContain("will follow");
    assertThat(danish.subject()).isEqualTo("Din e-mail hos contoso.com flytter " + KL_SEKS);
    assertThat(danish.body())
        .contains("Hvornår: mailen flytter " + KL_SEKS + ".\n")
        .doesNotContain("følger");
  }

  @Test
  void theUpdateAndTheReminderNameTheSameTimeInEachLanguage() {
    Letter update =
        templates.render("switch-update", "en", switchAt(AT_SIX), SampleFacts.PLACEHOLDERS);
    Letter opdatering =
        templates.render("switch-update", "da", switchAt(KL_SEKS), SampleFacts.PLACEHOLDERS);
    Letter reminder =
        templates.render("switch-reminder", "en", switchAt(AT_SIX), SampleFacts.PLACEHOLDERS);
    Letter paamindelse =
        templates.render("switch-reminder", "da", switchAt(KL_SEKS), SampleFacts.PLACEHOLDERS);

    assertThat(update.subject()).isEqualTo("Your e-mail at contoso.com moves on " + AT_SIX);
    assertThat(update.body())
        .startsWith("Dear {{displayName}},\n")
        .contains("Your mailbox {{emailAddress}} moves to Microsoft 365 on " + AT_SIX + ".")
        .contains("it replaces any time or date you were given before");
    assertThat(opdatering.subject()).isEqualTo("Din e-mail hos contoso.com flytter " + KL_SEKS);
    assertThat(opdatering.body())
        .contains("Din postkasse {{emailAddress}} flytter til Microsoft 365 " + KL_SEKS + ".");
    assertThat(reminder.subject())
        .isEqualTo("Reminder: your e-mail at contoso.com moves on " + AT_SIX);
    assertThat(reminder.body()).contains("moves to Microsoft 365 on " + AT_SIX + ".");
    assertThat(paamindelse.subject())
        .isEqualTo("Påmindelse: din e-mail hos contoso.com flytter " + KL_SEKS);
    assertThat(paamindelse.body()).contains("flytter til Microsoft 365 " + KL_SEKS + ".");
    for (Letter letter : java.util.List.of(update, opdatering, reminder, paamindelse)) {
      assertThat(letter.body()).doesNotContain("[#", "[/]", "\n\n\n", "null");
    }
  }
}
