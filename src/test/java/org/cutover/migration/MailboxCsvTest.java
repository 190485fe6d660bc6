package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.cutover.secrets.SecretText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class MailboxCsvTest {

  @BeforeEach
  void english() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
  }

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void readsAddressesWithoutAHeader() {
    MailboxCsv.Parsed parsed = MailboxCsv.parse("anna@contoso.com\n\nbo@contoso.com,CONTOSO\\bo\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.mailboxes())
        .containsExactly(
            new MailboxEntry("anna@contoso.com", null, null),
            new MailboxEntry("bo@contoso.com", "CONTOSO\\bo", null));
    assertThat(parsed.lines()).containsExactly(1, 3);
  }

  @Test
  void readsColumnsByTheHeaderInAnyOrderWithSemicolonsAndQuotes() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.parse(
            "DisplayName;EmailAddress;UserName\r\n\"Jensen; Anna\";anna@contoso.com;anna\r\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.mailboxes())
        .containsExactly(new MailboxEntry("anna@contoso.com", "anna", "Jensen; Anna"));
    assertThat(parsed.lines()).containsExactly(2);
  }

  @Test
  void readsTheAliasesColumnSeparatedBySemicolons() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.parse(
            "EmailAddress,Aliases\nanna@contoso.com,anna.jensen@contoso.com;sales@contoso.com\n"
                + "bo@contoso.com,\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.mailboxes().get(0).aliases())
        .containsExactly("anna.jensen@contoso.com", "sales@contoso.com");
    assertThat(parsed.mailboxes().get(1).aliases()).isEmpty();
  }

  @Test
  void readsQuotedAliasesInASemicolonSeparatedFile() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.parse(
            "EmailAddress;Aliases\nanna@contoso.com;\"aj@contoso.com; a@contoso.com\"\n");

    assertThat(parsed.mailboxes().get(0).aliases())
        .containsExactly("aj@contoso.com", "a@contoso.com");
  }

  @Test
  void refusesAPasswordColumn() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.parse("EmailAddress,UserName,Password\nanna@contoso.com,anna,Secret1\n");

    assertThat(parsed.problemTexts())
        .singleElement()
        .asString()
        .startsWith("line 1: remove the Password columns: the start form never carries passwords");
    assertThat(parsed.mailboxes()).extracting(MailboxEntry::displayName).containsOnlyNulls();
  }

  @Test
  void needsAHeaderForAThirdColumnAndNamesTheLine() {
    MailboxCsv.Parsed parsed = MailboxCsv.parse("anna@contoso.com\nbo@contoso.com,bo,Secret1\n");

    assertThat(parsed.problemTexts())
        .singleElement()
        .asString()
        .startsWith("line 2: has 3 columns");
    assertThat(parsed.mailboxes()).hasSize(1);
  }

  @Test
  void namesAnUnclosedQuoteAndAnUnknownColumn() {
    assertThat(MailboxCsv.parse("EmailAddress,Mobile\n").problemTexts())
        .containsExactly(
            "line 1: unknown column \"Mobile\"; the columns are EmailAddress, UserName (or"
                + " SourceLogin), DisplayName, Password, SourceCredentialId, TargetUserName,"
                + " TargetPassword and TargetCredentialId");
    assertThat(MailboxCsv.parse("anna@contoso.com\n\"bo@contoso.com\n").problemTexts())
        .containsExactly("line 2: a double quote is not closed");
  }

  @Test
  void anEmptyListSaysWhatToGive() {
    assertThat(MailboxCsv.parse("  \n").problemTexts())
        .singleElement()
        .asString()
        .contains("list at least one mailbox");
  }

  @Test
  void readsMicrosoftsImapMigrationCsvWithEachUsersPassword() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.withPasswords(
            "EmailAddress,UserName,Password\r\n"
                + "anna@contoso.com,anna,Secret1\r\n"
                + "bo@contoso.com,bo,\" spaced, \"\"quoted\"\" \"\r\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.mailboxes())
        .extracting(MailboxEntry::emailAddress, MailboxEntry::sourceLogin)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("anna@contoso.com", "anna"),
            org.assertj.core.groups.Tuple.tuple("bo@contoso.com", "bo"));
    assertThat(parsed.mailboxes())
        .extracting(MailboxEntry::sourcePassword)
        .containsExactly(SecretText.of("Secret1"), SecretText.of(" spaced, \"quoted\" "));
    assertThat(parsed.lines()).containsExactly(2, 3);
  }

  @Test
  void readsTheTargetsUserNameAndPasswordAndStoredCredentialIds() {
    String stored = "3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90";
    MailboxCsv.Parsed parsed =
        MailboxCsv.withPasswords(
            "EmailAddress,SourceCredentialId,TargetUserName,TargetPassword\n"
                + "anna@contoso.com,"
                + stored
                + ",anna.jensen,T4rget!\n");

    assertThat(parsed.problems()).isEmpty();
    MailboxEntry anna = parsed.mailboxes().get(0);
    assertThat(anna.sourceCredentialId()).isEqualTo(stored);
    assertThat(anna.hasSourcePassword()).isTrue();
    assertThat(anna.targetUser()).isEqualTo("anna.jensen");
    assertThat(anna.targetPassword()).isEqualTo(SecretText.of("T4rget!"));
  }

  @Test
  void aLineWithTooManyOrTooFewColumnsIsNamedAndNotRead() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.withPasswords(
            "EmailAddress,UserName,Password\n"
                + "anna@contoso.com,anna\n"
                + "bo@contoso.com,bo,Secret2,extra\n"
                + "carl@contoso.com,carl,Secret3\n");

    assertThat(parsed.problemTexts())
        .containsExactly(
            "line 2: has 2 columns, the header line has 3; give every column on every line (an"
                + " empty value between two commas)",
            "line 3: has 4 columns; without a header line give at most EmailAddress and"
                + " SourceLogin, or start with a header line such as"
                + " EmailAddress,UserName,Password");
    assertThat(parsed.lines()).containsExactly(4);
  }

  @Test
  void aMissingPasswordNamesTheLineAndTheColumn() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.withPasswords(
            "EmailAddress,UserName,Password,TargetPassword\n"
                + "anna@contoso.com,anna,Secret1,T1\n"
                + "bo@contoso.com,bo,,T2\n"
                + "carl@contoso.com,carl,Secret3,\n");

    assertThat(parsed.problemTexts())
        .containsExactly(
            "line 3, column Password: the password is missing; give every user of the list the"
                + " password, or leave the column out",
            "line 4, column TargetPassword: the password is missing; give every user of the list"
                + " the password, or leave the column out");
    assertThat(parsed.problems())
        .extracting(MailboxCsv.Problem::where)
        .containsExactly("line 3, column Password", "line 4, column TargetPassword");
    assertThat(parsed.mailboxes())
        .extracting(MailboxEntry::emailAddress)
        .containsExactly("anna@contoso.com");
  }

  @Test
  void aPasswordAndAStoredCredentialForOneUserAreRefused() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.withPasswords(
            "EmailAddress,Password,SourceCredentialId\n"
                + "anna@contoso.com,Secret1,3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90\n");

    assertThat(parsed.problemTexts())
        .containsExactly(
            "line 2, column Password: give the password or the credential id, not both");
  }

  @Test
  void aDuplicateAddressOrLoginNamesBothLines() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.withPasswords(
            "EmailAddress,UserName,Password\n"
                + "anna@contoso.com,anna,Secret1\n"
                + "bo@contoso.com,bo,Secret2\n"
                + "Anna@Contoso.com,anna2,Secret3\n"
                + "carl@contoso.com,BO,Secret4\n");

    assertThat(parsed.problemTexts())
        .containsExactly(
            "line 4, column EmailAddress: Anna@Contoso.com is on line 2 already; list each"
                + " mailbox and each login once",
            "line 5, column UserName: BO is on line 3 already; list each mailbox and each login"
                + " once");
    assertThat(parsed.lines()).containsExactly(2, 3);
  }

  @Test
  void problemsComeInDanish() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));

    MailboxCsv.Parsed parsed =
        MailboxCsv.withPasswords("EmailAddress,UserName,Password\nanna@contoso.com,anna,\n");

    assertThat(parsed.problemTexts())
        .containsExactly(
            "linje 2, kolonne Password: adgangskoden mangler; angiv adgangskoden for alle brugere"
                + " på listen, eller udelad kolonnen");
  }
}
