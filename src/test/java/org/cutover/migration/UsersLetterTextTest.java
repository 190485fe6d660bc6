package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cutover.migration.letters.ClientEncryption;
import org.cutover.migration.letters.MailClientSettings;
import org.cutover.notify.Letter;
import org.cutover.notify.LetterKind;
import org.cutover.notify.LetterTemplates;
import org.junit.jupiter.api.Test;

/**
 * The users' letters as the templates render them for each target kind and language: every mail
 * program the users may have, the incoming and outgoing settings, and only the users' own servers.
 */
class UsersLetterTextTest {

  private static final MailClientSettings IMAP =
      new MailClientSettings(
          false,
          "imap.newhost.example",
          993,
          ClientEncryption.TLS,
          "smtp.newhost.example",
          587,
          ClientEncryption.STARTTLS,
          null,
          null,
          false,
          false);

  private static final MailClientSettings MICROSOFT_365 =
      new MailClientSettings(
          true,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          MailClientSettings.MICROSOFT_365_SIGN_IN,
          true,
          false);

  private final LetterTemplates templates = new LetterTemplates();

  @Test
  void theImapWelcomeLetterGivesIncomingAndOutgoingSettingsForEveryMailProgram() {
    Letter letter = render(LetterKind.WELCOME, TargetType.IMAP, IMAP, "en");

    assertThat(letter.body())
        .contains("Incoming mail (IMAP): imap.newhost.example, port 993, encryption SSL/TLS")
        .contains("Outgoing mail (SMTP): smtp.newhost.example, port 587, encryption STARTTLS")
        .contains("requires authentication")
        .contains(
            "Classic Outlook on Windows",
            "New Outlook for Windows",
            "Outlook for Mac",
            "iPhone and iPad (Mail)",
            "Android",
            "Gmail app")
        .doesNotContain(
            "Webmail\n", "Microsoft 365", "Microsoft Exchange", "[#", "[/]", "null", "\n\n\n");
  }

  @Test
  void theImapWelcomeLetterInDanishGivesTheSameSettings() {
    Letter letter = render(LetterKind.WELCOME, TargetType.IMAP, IMAP, "da");

    assertThat(letter.subject()).isEqualTo("Din e-mail hos contoso.com er flyttet");
    assertThat(letter.body())
        .startsWith("Kære {{displayName}}\n")
        .contains("Indgående mail (IMAP): imap.newhost.example, port 993, kryptering SSL/TLS")
        .contains("Udgående mail (SMTP): smtp.newhost.example, port 587, kryptering STARTTLS")
        .contains(
            "Klassisk Outlook på Windows",
            "Nye Outlook til Windows",
            "Outlook til Mac",
            "iPhone og iPad (Mail)",
            "Android",
            "Gmail-appen")
        .doesNotContain("Microsoft 365", "Microsoft Exchange", "[#", "null");
  }

  @Test
  void unencryptedSettingsTheAdministratorInsistedOnComeWithAWarning() {
    MailClientSettings plain =
        new MailClientSettings(
            false,
            "imap.newhost.example",
            143,
            ClientEncryption.NONE,
            "smtp.newhost.example",
            25,
            ClientEncryption.NONE,
            "http://webmail.newhost.example",
            null,
            false,
            true);

    assertThat(render(LetterKind.WELCOME, TargetType.IMAP, plain, "en").body())
        .contains("encryption none")
        .contains("Warning: some of these connections are not encrypted")
        .contains("Open http://webmail.newhost.example in a browser");
    assertThat(render(LetterKind.WELCOME, TargetType.IMAP, plain, "da").body())
        .contains("kryptering ingen")
        .contains("Advarsel: nogle af disse forbindelser er ikke krypterede");
  }

  @Test
  void microsoft365LettersNeedNoServerUnlessAutodiscoverIsMissing() {
    Letter found = render(LetterKind.WELCOME, TargetType.MICROSOFT_365, MICROSOFT_365, "en");
    assertThat(found.body())
        .contains("Outlook finds the settings by itself")
        .contains("Open https://outlook.office.com in a browser")
        .contains("Microsoft Exchange", "\"Exchange and Office 365\"")
        .doesNotContain("IMAP", "SMTP", "outlook.office365.com");

    MailClientSettings withoutAutodiscover =
        new MailClientSettings(
            true,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "https://mail.contoso.com",
            false,
            false);
    assertThat(
            render(LetterKind.WELCOME, TargetType.MICROSOFT_365, withoutAutodiscover, "da").body())
        .contains("Hvis et mailprogram spørger efter en server: outlook.office365.com")
        .contains("Åbn https://mail.contoso.com i en browser")
        .doesNotContain("Outlook finder selv indstillingerne");
  }

  @Test
  void theAnnouncementListsEveryMailProgramForBothTargetsAndLanguages() {
    for (String language : List.of("en", "da")) {
      for (TargetType type : TargetType.values()) {
        MailClientSettings client = type == TargetType.IMAP ? IMAP : MICROSOFT_365;
        String body = render(LetterKind.ANNOUNCEMENT, type, client, language).body();
        assertThat(body)
            .as("%s announcement in %s", type, language)
            .contains("Outlook", "iPhone", "iPad", "Android", "Gmail")
            .doesNotContain("[#", "null");
        if (type == TargetType.IMAP) {
          assertThat(body).contains("imap.newhost.example", "smtp.newhost.example");
        } else {
          assertThat(body).contains("https://outlook.office.com");
        }
      }
    }
  }

  @Test
  void theCancellationLetterSaysTheMoveIsOffInBothLanguages() {
    assertThat(render(LetterKind.CANCELLATION, TargetType.IMAP, IMAP, "en"))
        .satisfies(
            letter -> {
              assertThat(letter.subject())
                  .isEqualTo("The move of your e-mail at contoso.com is off");
              assertThat(letter.body()).contains("What you need to do: nothing.");
            });
    assertThat(render(LetterKind.CANCELLATION, TargetType.MICROSOFT_365, MICROSOFT_365, "da"))
        .satisfies(
            letter -> {
              assertThat(letter.subject())
                  .isEqualTo("Flytningen af din e-mail hos contoso.com er aflyst");
              assertThat(letter.body()).contains("Det skal du gøre: ingenting.");
            });
  }

  private Letter render(
      LetterKind kind, TargetType type, MailClientSettings client, String language) {
    LetterFacts facts =
        LetterFacts.of(
                migration(type, language),
                client,
                List.of(),
                new LetterRecords.Schedule(LocalDate.of(2026, 4, 18), null),
                null,
                new LetterProperties(
                    "it@contoso.com", "admin@contoso.com", "Contoso IT", null, 3, Duration.ZERO))
            .withSwitch(null);
    return templates.render(
        kind.template(), language, facts.values(), facts.placeholders().names());
  }

  private static StoredMigration migration(TargetType type, String language) {
    return new StoredMigration(
        new MigrationSummary(
            "m-1",
            "contoso.com",
            "contoso-wave-1",
            MigrationPhase.values()[0],
            BatchStatus.values()[0],
            Instant.parse("2026-03-02T08:00:00Z")),
        language,
        false,
        type,
        null,
        null,
        null,
        null,
        null,
        DnsMode.values()[0],
        null,
        null,
        null,
        null,
        3600,
        null,
        false,
        null,
        DurationOverrides.NONE,
        null,
        null);
  }
}
