package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cutover.notify.Letter;
import org.cutover.notify.LetterEdit;
import org.cutover.notify.LetterKind;
import org.cutover.notify.LetterTemplates;
import org.cutover.notify.SmtpPost;
import org.cutover.testsupport.FaultySmtpProxy;
import org.cutover.testsupport.LoopbackMail;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters sent through a real SMTP server (GreenMail on 127.0.0.1), with a proxy in front of it for
 * the failures: one message per person, never twice, whatever fails and however often the step
 * runs. Records are committed outside the test's transaction, as in a runbook step.
 */
@JdbcTest
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({
  org.cutover.migration.letters.ClientSettingsConfiguration.class,
  MigrationStore.class,
  LetterRecords.class,
  LicenceRecords.class,
  LetterDesk.class,
  SmtpUserLettersTest.Setup.class
})
class SmtpUserLettersTest {

  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  static final String ADMINISTRATOR = "admin@contoso.com";
  static final LetterProperties SETTINGS =
      new LetterProperties(
          "Contoso IT <it@contoso.com>",
          ADMINISTRATOR,
          "Contoso IT",
          "helpdesk@contoso.com",
          3,
          Duration.ZERO);

  @TestConfiguration
  static class Setup {
    @Bean
    MutableClock clock() {
      return new MutableClock(START);
    }

    @Bean
    LetterTemplates letterTemplates() {
      return new LetterTemplates();
    }

    @Bean
    LetterProperties letterProperties() {
      return SETTINGS;
    }

    @Bean
    SettableSwitchSchedule switchSchedule() {
      return new SettableSwitchSchedule();
    }
  }

  @Autowired MigrationStore store;
  @Autowired LetterRecords records;
  @Autowired LetterDesk desk;
  @Autowired SettableSwitchSchedule switches;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectProvider<Clock> clock;
  @Autowired PlatformTransactionManager transactions;

  GreenMail smtp;
  FaultySmtpProxy proxy;

  @BeforeEach
  void startSmtpServer() {
    smtp = LoopbackMail.smtp(ServerSetup.PROTOCOL_SMTP);
    smtp.start();
  }

  @AfterEach
  void stopServersAndEmptyTables() {
    if (proxy != null) {
      proxy.close();
    }
    smtp.stop();
    switches.planned = null;
    emptyTables();
  }

  private void emptyTables() {
    for (String table :
        List.of(
            "letter_delivery",
            "letter_edit",
            "letter_schedule",
            "mailbox",
            "endpoint",
            "migration")) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  @Test
  void sendsTheAnnouncementOncePerUserWithTheMigrationsFacts() throws Exception {
    String id = migration("en", null, 3);
    desk.planSwitch(id, LocalDate.of(2026, 4, 18));

    letters(smtp.getSmtp().getPort()).sendAnnouncement(id);

    Map<String, MimeMessage> received = receivedByRecipient();
    assertThat(received)
        .containsOnlyKeys("user0@contoso.com", "user1@contoso.com", "user2@contoso.com");
    MimeMessage letter = received.get("user1@contoso.com");
    assertThat(letter.getSubject())
        .isEqualTo("Your e-mail at contoso.com is moving on or after Saturday 18 April 2026");
    assertThat(body(letter))
        .startsWith("Dear User 1,\n")
        .contains("Your mailbox user1@contoso.com moves")
        .contains(
            "When: mail moves on or after Saturday 18 April 2026; a short letter with the exact"
                + " time will follow.")
        .contains("Classic Outlook on Windows: a new Outlook profile")
        .contains("delete the mail account and add it again as Microsoft Exchange")
        .contains("sign in at https://outlook.office.com with user1@contoso.com")
        .contains("Ask Contoso IT at helpdesk@contoso.com.")
        .doesNotContain("{{", "[(");
    assertThat(((InternetAddress) letter.getFrom()[0]).getAddress()).isEqualTo("it@contoso.com");
    assertThat(((InternetAddress) letter.getReplyTo()[0]).getAddress())
        .isEqualTo("helpdesk@contoso.com");
    assertThat(letter.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(records.deliveries(id, LetterKind.ANNOUNCEMENT))
        .extracting(LetterDelivery::status, LetterDelivery::attempts, LetterDelivery::sentAt)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.SENT, 1, START));
  }

  @Test
  void writesToADanishMigrationInDanish() throws Exception {
    String id = migration("da", null, 2);
    desk.planSwitch(id, LocalDate.of(2026, 4, 18));

    letters(smtp.getSmtp().getPort()).sendAnnouncement(id);

    MimeMessage letter = receivedByRecipient().get("user0@contoso.com");
    assertThat(letter.getSubject())
        .isEqualTo("Din e-mail hos contoso.com flytter lørdag den 18. april 2026 eller senere");
    assertThat(body(letter))
        .startsWith("Kære User 0\n")
        .contains(
            "Hvornår: mailen flytter lørdag den 18. april 2026 eller senere; et kort brev med det"
                + " præcise tidspunkt følger.")
        .contains("Spørgsmål? Spørg Contoso IT på helpdesk@contoso.com.");
  }

  @Test
  void mailsTheNewSwitchTimeOncePerUserForEachMoveInTheMigrationsLanguage() throws Exception {
    String id = migration("da", null, 2);
    SmtpUserLetters letters = letters(smtp.getSmtp().getPort());
    switches.planned =
        new org.cutover.migration.schedule.PlannedSwitch(
            Instant.parse("2026-04-18T16:00:00Z"), "Europe/Copenhagen", 0);

    letters.sendSwitchUpdate(id, 0);
    letters.sendSwitchUpdate(id, 0);
    MimeMessage first = receivedByRecipient().get("user0@contoso.com");
    switches.planned =
        new org.cutover.migration.schedule.PlannedSwitch(
            Instant.parse("2026-04-19T07:30:00Z"), "Europe/Copenhagen", 1);
    letters.sendSwitchUpdate(id, 1);
    letters.sendSwitchUpdate(id, 1);

    assertThat(first.getSubject())
        .isEqualTo(
            "Din e-mail hos contoso.com flytter lørdag den 18. april 2026 kl. 18:00"
                + " (Europe/Copenhagen, UTC+02:00)");
    assertThat(body(first)).startsWith("Kære User 0\n");
    Map<String, List<String>> subjects =
        Arrays.stream(smtp.getReceivedMessages())
            .collect(
                Collectors.groupingBy(
                    SmtpUserLettersTest::recipient,
                    Collectors.mapping(SmtpUserLettersTest::subject, Collectors.toList())));
    assertThat(subjects)
        .containsOnlyKeys("user0@contoso.com", "user1@contoso.com")
        .allSatisfy(
            (user, received) ->
                assertThat(received)
                    .hasSize(2)
                    .last()
                    .isEqualTo(
                        "Din e-mail hos contoso.com flytter søndag den 19. april 2026 kl. 09:30"
                            + " (Europe/Copenhagen, UTC+02:00)"));
  }

  @Test
  void theAnnouncementAndTheReminderNameThePlannedSwitchWithItsZone() throws Exception {
    String id = migration("en", null, 1);
    SmtpUserLetters letters = letters(smtp.getSmtp().getPort());
    switches.planned =
        new org.cutover.migration.schedule.PlannedSwitch(
            Instant.parse("2026-04-18T16:00:00Z"), "Europe/Copenhagen", 0);
    String at = "Saturday 18 April 2026 at 18:00 (Europe/Copenhagen, UTC+02:00)";

    letters.sendAnnouncement(id);
    letters.sendSwitchReminder(id, 0);
    letters.sendSwitchReminder(id, 0);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getSubject()).isEqualTo("Your e-mail at contoso.com is moving on " + at);
    assertThat(body(received[0])).contains("When: mail moves on " + at + ".\n");
    assertThat(received[1].getSubject())
        .isEqualTo("Reminder: your e-mail at contoso.com moves on " + at);
    assertThat(body(received[1]))
        .startsWith("Dear User 0,\n")
        .contains(
            "A reminder: your mailbox user0@contoso.com moves to Microsoft 365 on " + at + ".");
  }

  @Test
  void tellsUsersOfAnImapTargetTheirOwnServersNotTheEndpoint() throws Exception {
    String id = migration("en", imapTarget(), 2);

    letters(smtp.getSmtp().getPort()).sendWelcomeLetter(id);

    MimeMessage letter = receivedByRecipient().get("user1@contoso.com");
    assertThat(letter.getSubject()).isEqualTo("Your e-mail at contoso.com has moved");
    assertThat(body(letter))
        .contains("Incoming mail (IMAP): imap.newmail.test, port 993, encryption SSL/TLS")
        .contains("Outgoing mail (SMTP): smtp.newmail.test, port 587, encryption STARTTLS")
        .contains("User name: user1@contoso.com")
        .doesNotContain("outlook.office.com", "imap.example.net");
  }

  @Test
  void neverSendsALetterTwiceWhenTheStepRunsAgain() throws Exception {
    String id = migration("en", null, 3);
    SmtpUserLetters letters = letters(smtp.getSmtp().getPort());

    letters.sendAnnouncement(id);
    letters.sendAnnouncement(id);
    letters.sendWelcomeLetter(id);
    letters.sendWelcomeLetter(id);

    Map<String, Long> perRecipient =
        Arrays.stream(smtp.getReceivedMessages())
            .collect(Collectors.groupingBy(SmtpUserLettersTest::recipient, Collectors.counting()));
    assertThat(perRecipient)
        .containsOnly(
            Map.entry("user0@contoso.com", 2L),
            Map.entry("user1@contoso.com", 2L),
            Map.entry("user2@contoso.com", 2L));
  }

  @Test
  void keepsItsRecordsWhenTheStepsTransactionRollsBack() {
    String id = migration("en", null, 2);
    SmtpUserLetters letters = letters(smtp.getSmtp().getPort());

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            step -> {
              letters.sendAnnouncement(id);
              step.setRollbackOnly();
            });
    letters.sendAnnouncement(id);

    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(records.deliveries(id, LetterKind.ANNOUNCEMENT))
        .extracting(LetterDelivery::status)
        .containsOnly(DeliveryStatus.SENT);
  }

  @Test
  void aLetterInterruptedByACrashIsNotSentAgainButReportedToTheAdministrator() throws Exception {
    String id = migration("en", null, 3);
    // A run that crashed after taking user1's letter for sending, before recording the outcome.
    records.addRecipients(
        id,
        LetterKind.ANNOUNCEMENT,
        store.mailboxes(id).stream()
            .map(m -> new LetterRecords.Recipient(m.emailAddress(), m.id(), m.displayName()))
            .toList(),
        START);
    String interrupted = delivery(id, LetterKind.ANNOUNCEMENT, "user1@contoso.com").id();
    assertThat(records.claim(interrupted, START)).isTrue();

    letters(smtp.getSmtp().getPort()).sendAnnouncement(id);

    Map<String, MimeMessage> received = receivedByRecipient();
    assertThat(received).containsOnlyKeys("user0@contoso.com", "user2@contoso.com", ADMINISTRATOR);
    assertThat(delivery(id, LetterKind.ANNOUNCEMENT, "user1@contoso.com").status())
        .isEqualTo(DeliveryStatus.UNKNOWN);
    MimeMessage report = received.get(ADMINISTRATOR);
    assertThat(report.getSubject())
        .isEqualTo("Not everyone received the announcement for contoso.com");
    assertThat(body(report))
        .contains("went to 2 of 3 users")
        .contains("may or may not have arrived")
        .contains("- user1@contoso.com\n");

    letters(smtp.getSmtp().getPort()).sendAnnouncement(id);
    assertThat(smtp.getReceivedMessages()).hasSize(3);
  }

  @Test
  void retriesAServerThatTurnsConnectionsAwayWithinTheRun() throws IOException {
    String id = migration("en", null, 2);
    proxy = new FaultySmtpProxy(smtp.getSmtp().getPort()).busyGreetings(2);

    letters(proxy.port()).sendAnnouncement(id);

    assertThat(receivedByRecipient()).containsOnlyKeys("user0@contoso.com", "user1@contoso.com");
  }

  @Test
  void leavesTheRestToTheStepsRetryWhenTheServerGoesDown() throws IOException {
    String id = migration("en", null, 3);
    proxy = new FaultySmtpProxy(smtp.getSmtp().getPort()).goDownAfterMessages(1);
    SmtpUserLetters letters = letters(proxy.port());

    assertThatThrownBy(() -> letters.sendAnnouncement(id))
        .isInstanceOf(TransientStepFailure.class)
        .hasMessageStartingWith(
            "The announcement letter of migration "
                + id
                + " is not sent yet to 2 of 3 recipients (could not connect to the SMTP server"
                + " 127.0.0.1:"
                + proxy.port())
        .hasMessageEndingWith("The step retries them; the 1 already sent are not sent again.");
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    proxy.comeBackUp();
    letters.sendAnnouncement(id);

    assertThat(receivedByRecipient())
        .containsOnlyKeys("user0@contoso.com", "user1@contoso.com", "user2@contoso.com");
  }

  @Test
  void triesADeferredRecipientAgainWithinTheRun() throws IOException {
    String id = migration("en", null, 3);
    proxy =
        new FaultySmtpProxy(smtp.getSmtp().getPort())
            .answerRcpt("user1@contoso.com", "451 4.7.1 Try again later", 1);

    letters(proxy.port()).sendAnnouncement(id);

    assertThat(receivedByRecipient())
        .containsOnlyKeys("user0@contoso.com", "user1@contoso.com", "user2@contoso.com");
    LetterDelivery deferred = delivery(id, LetterKind.ANNOUNCEMENT, "user1@contoso.com");
    assertThat(deferred.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(deferred.attempts()).isEqualTo(2);
  }

  @Test
  void aDeferralThatOutlastsTheRunIsLeftToTheStepsRetry() throws IOException {
    String id = migration("en", null, 3);
    proxy =
        new FaultySmtpProxy(smtp.getSmtp().getPort())
            .answerRcpt("user1@contoso.com", "451 4.7.1 Try again later", 3);
    SmtpUserLetters letters = letters(proxy.port());

    assertThatThrownBy(() -> letters.sendAnnouncement(id))
        .isInstanceOf(TransientStepFailure.class)
        .hasMessageContaining("is not sent yet to 1 of 3 recipients (451 4.7.1 Try again later)")
        .hasMessageContaining("the 2 already sent are not sent again");
    letters.sendAnnouncement(id);

    assertThat(receivedByRecipient())
        .containsOnlyKeys("user0@contoso.com", "user1@contoso.com", "user2@contoso.com");
    assertThat(delivery(id, LetterKind.ANNOUNCEMENT, "user1@contoso.com").attempts()).isEqualTo(4);
  }

  @Test
  void aRecipientTheServerRefusesIsReportedAndNotTriedAgain() throws Exception {
    String id = migration("en", null, 3);
    proxy =
        new FaultySmtpProxy(smtp.getSmtp().getPort())
            .answerRcpt("user1@contoso.com", "550 5.1.1 No such user", Integer.MAX_VALUE);
    SmtpUserLetters letters = letters(proxy.port());

    letters.sendWelcomeLetter(id);
    letters.sendWelcomeLetter(id);

    Map<String, MimeMessage> received = receivedByRecipient();
    assertThat(received).containsOnlyKeys("user0@contoso.com", "user2@contoso.com", ADMINISTRATOR);
    LetterDelivery refused = delivery(id, LetterKind.WELCOME, "user1@contoso.com");
    assertThat(refused.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(refused.attempts()).isEqualTo(1);
    assertThat(refused.lastError()).contains("550 5.1.1 No such user");
    assertThat(body(received.get(ADMINISTRATOR)))
        .contains("The welcome letter for contoso.com (batch contoso-wave-1) went to 2 of 3 users")
        .contains("- user1@contoso.com: 550 5.1.1 No such user\n");
  }

  @Test
  void aLetterWhoseAnswerIsLostIsNotSentAgain() throws Exception {
    String id = migration("en", null, 3);
    proxy = new FaultySmtpProxy(smtp.getSmtp().getPort()).cutAfterMessage(2);
    SmtpUserLetters letters = letters(proxy.port());

    letters.sendAnnouncement(id);
    letters.sendAnnouncement(id);

    Map<String, Long> perRecipient =
        Arrays.stream(smtp.getReceivedMessages())
            .collect(Collectors.groupingBy(SmtpUserLettersTest::recipient, Collectors.counting()));
    assertThat(perRecipient)
        .containsOnly(
            Map.entry("user0@contoso.com", 1L),
            Map.entry("user1@contoso.com", 1L),
            Map.entry("user2@contoso.com", 1L),
            Map.entry(ADMINISTRATOR, 1L));
    assertThat(delivery(id, LetterKind.ANNOUNCEMENT, "user1@contoso.com").status())
        .isEqualTo(DeliveryStatus.UNKNOWN);
  }

  @Test
  void aRefusedLoginNeedsTheAdministratorAndSendsNothing() {
    smtp.stop();
    smtp =
        LoopbackMail.smtp(ServerSetup.PROTOCOL_SMTP)
            .withConfiguration(
                GreenMailConfiguration.aConfig().withUser("letters@contoso.com", "right-one"));
    smtp.start();
    String id = migration("en", null, 2);
    SmtpUserLetters letters =
        letters(smtp.getSmtp().getPort(), "letters@contoso.com", "Wr0ng-Passw0rd!");

    assertThatThrownBy(() -> letters.sendAnnouncement(id))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessage(
            "The SMTP server 127.0.0.1 refused the login of letters@contoso.com: check"
                + " spring.mail.username/password")
        .message()
        .doesNotContain("Wr0ng-Passw0rd!");
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(records.deliveries(id, LetterKind.ANNOUNCEMENT))
        .extracting(LetterDelivery::status, LetterDelivery::attempts)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.PENDING, 0));

    letters(smtp.getSmtp().getPort(), "letters@contoso.com", "right-one").sendAnnouncement(id);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  void sendsOverImplicitTls() throws Exception {
    smtp.stop();
    smtp = LoopbackMail.smtp(ServerSetup.PROTOCOL_SMTPS);
    smtp.start();
    String id = migration("en", null, 1);
    JavaMailSenderImpl sender = sender(smtp.getSmtps().getPort(), null, null);
    sender.setProtocol("smtps");
    // Test only: GreenMail's certificate is self-signed and names no host.
    sender.getJavaMailProperties().put("mail.smtps.ssl.trust", "127.0.0.1");
    sender.getJavaMailProperties().put("mail.smtps.ssl.checkserveridentity", "false");

    letters(sender).sendAnnouncement(id);

    assertThat(receivedByRecipient()).containsOnlyKeys("user0@contoso.com");
  }

  @Test
  void sendsTheAdministratorsEditWithEachUsersPlaceholdersFilled() throws Exception {
    String id = migration("en", null, 2);
    desk.edit(
        id,
        LetterKind.ANNOUNCEMENT,
        new LetterEdit(
            "Mail for {{domain}} moves",
            "Hello {{displayName}},\n\nyour address {{emailAddress}} stays the same.\n"
                + "Ask {{contactName}} ({{contactEmail}}).\n"),
        "admin");

    letters(smtp.getSmtp().getPort()).sendAnnouncement(id);

    MimeMessage letter = receivedByRecipient().get("user1@contoso.com");
    assertThat(letter.getSubject()).isEqualTo("Mail for contoso.com moves");
    assertThat(body(letter))
        .isEqualTo(
            "Hello User 1,\n\nyour address user1@contoso.com stays the same.\n"
                + "Ask Contoso IT (helpdesk@contoso.com).");
    assertThatThrownBy(
            () ->
                desk.edit(id, LetterKind.ANNOUNCEMENT, new LetterEdit("Too late", "Text"), "admin"))
        .isInstanceOf(LettersAlreadySent.class)
        .hasMessageContaining("has already gone to some recipients");
  }

  @Test
  void aLineBreakInADisplayNameCannotAddAHeader() throws Exception {
    NewMigration sample =
        MigrationSamples.withMailboxes(
            List.of(new MailboxEntry("user0@contoso.com", null, "Ann\r\nBcc: eve@example.org")));
    String id = store.insert(sample, new MigrationStore.Credentials(null, null, null, null), START);
    desk.edit(
        id,
        LetterKind.WELCOME,
        new LetterEdit("For {{displayName}}", "Hello {{displayName}}"),
        "a");

    letters(smtp.getSmtp().getPort()).sendWelcomeLetter(id);

    MimeMessage letter = receivedByRecipient().get("user0@contoso.com");
    assertThat(letter.getSubject()).isEqualTo("For Ann Bcc: eve@example.org");
    assertThat(letter.getHeader("Bcc")).isNull();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anEditNamingADateNotSetYetNeedsTheAdministratorAndSendsNothing() {
    String id = migration("en", null, 2);
    desk.edit(
        id,
        LetterKind.ANNOUNCEMENT,
        new LetterEdit("Mail moves on {{plannedSwitch}}", "Hello {{displayName}}.\n"),
        "admin");

    assertThatThrownBy(() -> letters(smtp.getSmtp().getPort()).sendAnnouncement(id))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageContaining("uses {{plannedSwitch}}, which has no value yet")
        .hasMessageContaining("PUT /api/migrations/" + id + "/planned-switch");
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(records.deliveries(id, LetterKind.ANNOUNCEMENT)).isEmpty();
  }

  @Test
  void sendsTheLicenceReminderToTheAdministratorOnlyAndOnce() throws Exception {
    String id = migration("en", null, 3);
    desk.recordLicenceDeadline(id, LocalDate.of(2026, 4, 1));
    SmtpUserLetters letters = letters(smtp.getSmtp().getPort());

    letters.sendLicenceReminder(id);
    letters.sendLicenceReminder(id);

    Map<String, MimeMessage> received = receivedByRecipient();
    assertThat(received).containsOnlyKeys(ADMINISTRATOR);
    assertThat(received.get(ADMINISTRATOR).getSubject())
        .isEqualTo("Licences needed for 3 mailboxes of contoso.com by Wednesday 1 April 2026");
    assertThat(body(received.get(ADMINISTRATOR)))
        .endsWith("- user0@contoso.com\n- user1@contoso.com\n- user2@contoso.com");
  }

  @Test
  void everyLetterRendersFromAMigrationsFactsInBothLanguagesAndForBothTargets() {
    for (TargetSettings target : Arrays.asList(null, imapTarget())) {
      for (String language : List.of("en", "da")) {
        String id = migration(language, target, 2);
        StoredMigration migration = store.find(id).orElseThrow();
        for (LetterKind kind : LetterKind.values()) {
          Letter letter =
              kind.editable()
                  ? desk.draft(migration, kind).letter()
                  : desk.render(
                      kind,
                      desk.facts(migration)
                          .forReport(
                              kind == LetterKind.ANNOUNCEMENT_REPORT
                                  ? LetterKind.ANNOUNCEMENT
                                  : LetterKind.WELCOME,
                              2,
                              List.of("user0@contoso.com: 550 5.1.1 No such user"),
                              List.of("user1@contoso.com")));
          assertThat(letter.subject()).as("%s %s", kind, language).contains("contoso.com");
          assertThat(letter.body()).as("%s %s", kind, language).doesNotContain("null");
        }
        emptyTables();
      }
    }
  }

  @Test
  void refusesToStartWithoutTheSenderOrAdministratorAddress() {
    JavaMailSenderImpl sender = sender(smtp.getSmtp().getPort(), null, null);
    LetterProperties noSender =
        new LetterProperties(null, ADMINISTRATOR, null, null, 3, Duration.ZERO);
    LetterProperties badAdministrator =
        new LetterProperties("it@contoso.com", "not an address", null, null, 3, Duration.ZERO);

    assertThatThrownBy(
            () -> new SmtpUserLetters(store, desk, records, new SmtpPost(sender), noSender, clock))
        .hasMessageContaining("cutover.letters.from is not set");
    assertThatThrownBy(
            () ->
                new SmtpUserLetters(
                    store, desk, records, new SmtpPost(sender), badAdministrator, clock))
        .hasMessageStartingWith("cutover.letters.administrator-email is not a mail address");
  }

  private SmtpUserLetters letters(int port) {
    return letters(port, null, null);
  }

  private SmtpUserLetters letters(int port, String username, String password) {
    return letters(sender(port, username, password));
  }

  private SmtpUserLetters letters(JavaMailSenderImpl sender) {
    return new SmtpUserLetters(store, desk, records, new SmtpPost(sender), SETTINGS, clock);
  }

  private static JavaMailSenderImpl sender(int port, String username, String password) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.setUsername(username);
    sender.setPassword(password);
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "5000");
    sender.setJavaMailProperties(properties);
    return sender;
  }

  private String migration(String language, TargetSettings target, int mailboxes) {
    NewMigration sample = MigrationSamples.withMailboxes(MigrationSamples.mailboxes(mailboxes));
    NewMigration settings =
        new NewMigration(
            sample.domain(),
            sample.batchName(),
            sample.mailboxes(),
            sample.source(),
            target == null ? sample.target() : target,
            sample.dns(),
            language,
            false,
            null);
    return store.insert(settings, new MigrationStore.Credentials(null, null, null, null), START);
  }

  private static TargetSettings imapTarget() {
    return new TargetSettings(
        TargetType.IMAP,
        null,
        null,
        null,
        null,
        null,
        null,
        new ImapEndpoint(
            "imap.example.net",
            993,
            ConnectionSecurity.IMPLICIT_TLS,
            false,
            ImapAuth.DELEGATED_ADMIN,
            "admin@example.net",
            null,
            null,
            null,
            null),
        java.util.List.of("10 mx.example.net"));
  }

  private LetterDelivery delivery(String migrationId, LetterKind kind, String address) {
    return records.deliveries(migrationId, kind).stream()
        .filter(d -> d.address().equals(address))
        .findFirst()
        .orElseThrow();
  }

  private Map<String, MimeMessage> receivedByRecipient() {
    return Arrays.stream(smtp.getReceivedMessages())
        .collect(Collectors.toMap(SmtpUserLettersTest::recipient, Function.identity()));
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      assertThat(to).hasSize(1);
      return ((InternetAddress) to[0]).getAddress();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  /** The text as received (SMTP takes the last line break as part of the end of the data). */
  private static String body(MimeMessage message) throws IOException, MessagingException {
    return ((String) message.getContent()).replace("\r\n", "\n");
  }
}
