package org.cutover.migration.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cutover.migration.LetterProperties;
import org.cutover.migration.reports.MigrationReports;
import org.cutover.notify.SmtpPost;
import org.cutover.testsupport.FreePort;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** The administrator's mail at each milestone, sent through a real SMTP server (GreenMail). */
@JdbcTest
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({StoredMilestoneMails.class, MigrationReports.class, StoredMilestoneMailsTest.Setup.class})
class StoredMilestoneMailsTest {

  static final Instant START = Instant.parse("2026-03-20T08:00:00Z");
  static final String MIGRATION = "mig-milestones";
  static final String ADMIN = "admin@contoso.com";
  static final int SMTP_PORT = FreePort.pick();

  @TestConfiguration
  static class Setup {
    @Bean
    MutableClock clock() {
      return new MutableClock(START);
    }

    @Bean
    SmtpPost smtpPost() {
      JavaMailSenderImpl settings = new JavaMailSenderImpl();
      settings.setHost("127.0.0.1");
      settings.setPort(SMTP_PORT);
      return new SmtpPost(settings);
    }

    @Bean
    LetterProperties letterProperties() {
      return new LetterProperties("it@contoso.com", ADMIN, null, null, 1, java.time.Duration.ZERO);
    }
  }

  @Autowired StoredMilestoneMails mails;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  GreenMail smtp;

  @BeforeEach
  void oneDanishMigrationWithTwoMailboxes() {
    smtp = smtpServer();
    smtp.start();
    OffsetDateTime at = OffsetDateTime.ofInstant(START, ZoneOffset.UTC);
    jdbc.sql(
            "INSERT INTO migration (id, domain, batch_name, phase, batch_status, language,"
                + " auto_start_batch, target_type, dns_mode, max_mx_ttl, duration_overrides,"
                + " created_at, updated_at) VALUES (:id, 'contoso.com', 'wave-1', 'MIGRATING',"
                + " 'SYNCED_WITH_ERRORS', 'da', TRUE, 'IMAP', 'GUIDED', 3600, '', :at, :at)")
        .param("id", MIGRATION)
        .param("at", at)
        .update();
    mailbox("mb-1", 1, "anna@contoso.com", "SYNCED", null);
    mailbox("mb-2", 2, "bo@contoso.com", "FAILED", "imap.contoso.com refused the login");
  }

  @AfterEach
  void cleanUp() {
    smtp.stop();
    jdbc.sql("DELETE FROM milestone_mail").update();
    jdbc.sql("DELETE FROM mailbox").update();
    jdbc.sql("DELETE FROM migration").update();
  }

  @Test
  void eachMilestoneMailsTheAdministratorOnceWithTheReportAttached() throws Exception {
    for (Milestone milestone : Milestone.values()) {
      reachInATransaction(milestone);
      // A retried step reaches it again.
      reachInATransaction(milestone);
    }
    mails.sendPending();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(Milestone.values().length);
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : received) {
      subjects.add(message.getSubject());
      assertThat(message.getAllRecipients()[0].toString()).isEqualTo(ADMIN);
      Map<String, String> files = attachments(message);
      assertThat(files).containsOnlyKeys("report.html", "report.csv");
      assertThat(files.get("report.csv"))
          .startsWith("EmailAddress,Status,ItemsSynced")
          .contains("bo@contoso.com")
          .contains("imap.contoso.com refused the login");
      assertThat(files.get("report.html")).contains("lang=\"da\"").contains("contoso.com");
      assertThat(text(message)).contains("Postkasser: 2").contains("mislykkedes: 1");
    }
    assertThat(subjects)
        .containsExactly(
            "Første kopiering færdig: contoso.com (wave-1)",
            "Skiftet er sket: post kommer nu til målet: contoso.com (wave-1)",
            "Migreringen er afsluttet: contoso.com (wave-1)",
            "Migreringen er annulleret: contoso.com (wave-1)");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM milestone_mail WHERE sent_at IS NOT NULL AND attempts = 1")
                .query(Long.class)
                .single())
        .isEqualTo(4);
  }

  @Test
  void aMilestoneRolledBackWithItsStepIsNeitherRecordedNorMailed() {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              mails.reached(MIGRATION, Milestone.SWITCH_DONE);
              status.setRollbackOnly();
            });

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM milestone_mail").query(Long.class).single()).isZero();
  }

  @Test
  void aMailTheServerCouldNotTakeIsSentOnceWhenItIsBack() {
    smtp.stop();
    reachInATransaction(Milestone.INITIAL_SYNC_DONE);
    assertThat(
            jdbc.sql("SELECT last_error FROM milestone_mail WHERE sent_at IS NULL")
                .query(String.class)
                .single())
        .contains("could not connect to the SMTP server 127.0.0.1:" + SMTP_PORT);

    smtp = smtpServer();
    smtp.start();
    mails.sendPending();
    mails.sendPending();

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(
            jdbc.sql("SELECT attempts FROM milestone_mail WHERE sent_at IS NOT NULL")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  private void reachInATransaction(Milestone milestone) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(status -> mails.reached(MIGRATION, milestone));
  }

  private void mailbox(String id, int position, String address, String status, String error) {
    jdbc.sql(
            "INSERT INTO mailbox (id, migration_id, position, email_address, status,"
                + " messages_copied, flags_updated, messages_skipped, bytes_copied, last_error,"
                + " updated_at) VALUES (:id, :migration, :position, :address, :status, 7, 0, 0,"
                + " 4096, :error, :at)")
        .param("id", id)
        .param("migration", MIGRATION)
        .param("position", position)
        .param("address", address)
        .param("status", status)
        .param("error", error)
        .param("at", OffsetDateTime.ofInstant(START, ZoneOffset.UTC))
        .update();
  }

  private static GreenMail smtpServer() {
    return new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  private static String text(MimeMessage message) throws Exception {
    return (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
  }

  private static Map<String, String> attachments(MimeMessage message) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        try (InputStream in = part.getInputStream()) {
          files.put(part.getFileName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }
}
