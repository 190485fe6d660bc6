package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
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
  void refusesAPasswordColumn() {
    MailboxCsv.Parsed parsed =
        MailboxCsv.parse("EmailAddress,UserName,Password\nanna@contoso.com,anna,Secret1\n");

    assertThat(parsed.problems())
        .singleElement()
        .asString()
        .startsWith("line 1: remove the Password column");
    assertThat(parsed.mailboxes()).extracting(MailboxEntry::displayName).containsOnlyNulls();
  }

  @Test
  void needsAHeaderForAThirdColumnAndNamesTheLine() {
    MailboxCsv.Parsed parsed = MailboxCsv.parse("anna@contoso.com\nbo@contoso.com,bo,Secret1\n");

    assertThat(parsed.problems()).singleElement().asString().startsWith("line 2: has 3 columns");
    assertThat(parsed.mailboxes()).hasSize(1);
  }

  @Test
  void namesAnUnclosedQuoteAndAnUnknownColumn() {
    assertThat(MailboxCsv.parse("EmailAddress,Mobile\n").problems())
        .containsExactly(
            "line 1: unknown column \"Mobile\"; the columns are EmailAddress, SourceLogin and"
                + " DisplayName");
    assertThat(MailboxCsv.parse("anna@contoso.com\n\"bo@contoso.com\n").problems())
        .containsExactly("line 2: a double quote is not closed");
  }

  @Test
  void anEmptyListSaysWhatToGive() {
    assertThat(MailboxCsv.parse("  \n").problems())
        .singleElement()
        .asString()
        .contains("list at least one mailbox");
  }
}
