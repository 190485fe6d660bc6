package org.cutover.mxproof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.TargetDnsRecords;
import org.cutover.migration.TargetTenant;
import org.cutover.mxproof.RecipientAnswer.Verdict;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The proof's answers and an administrator's acceptance on the real schema (H2, migrated by
 * Flyway), with a probe that answers as told: the SMTP dialogue itself is SmtpRecipientProbeIT's.
 */
@JdbcTest
@ActiveProfiles("test")
@Import({
  MigrationStore.class,
  RecipientAddressesToProve.class,
  MailExchangerToAsk.class,
  StoredMxProofs.class,
  StoredMxProofsTest.Setup.class
})
class StoredMxProofsTest {

  static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  static final String REFUSED = "550 5.4.1 Recipient address rejected: Access denied";

  @TestConfiguration
  static class Setup {
    @Bean
    MutableClock clock() {
      return new MutableClock(START);
    }

    /**
     * The recipients' part is DirectoryReaderIT's and RecipientStoreTest's: here, the mailboxes.
     */
    @Bean
    org.cutover.migration.recipients.DomainAddresses domainAddresses(MigrationStore store) {
      return id ->
          store.mailboxes(id.toString()).stream()
              .map(org.cutover.migration.MailboxState::emailAddress)
              .toList();
    }

    @Bean
    MxProofProperties mxProofProperties() {
      return new MxProofProperties(
          "", 25, "", "", Duration.ofSeconds(5), 1, Duration.ZERO, 100, null);
    }

    @Bean
    ToldProbe probe() {
      return new ToldProbe();
    }
  }

  /** Refuses the addresses in {@link #refusing}, accepts the rest; records where it asked. */
  static final class ToldProbe implements RecipientProbe {
    final List<String> refusing = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public List<RecipientAnswer> ask(MailExchangerAddress mx, List<String> addresses) {
      asked.add(mx + " " + String.join(",", addresses));
      return addresses.stream()
          .map(
              a ->
                  refusing.contains(a)
                      ? new RecipientAnswer(a, Verdict.REFUSED, REFUSED)
                      : new RecipientAnswer(a, Verdict.ACCEPTED, "250 2.1.5 Recipient OK"))
          .toList();
    }
  }

  @MockitoBean TargetTenant target;
  @Autowired MxProofs proofs;
  @Autowired ToldProbe probe;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  private String migrationId;

  @BeforeEach
  void storeAMigration() {
    clock.set(START);
    probe.refusing.clear();
    probe.asked.clear();
    migrationId = java.util.UUID.randomUUID().toString();
    jdbc.sql(
            "INSERT INTO migration (id, domain, batch_name, phase, batch_status, language,"
                + " auto_start_batch, target_type, dns_mode, max_mx_ttl, duration_overrides,"
                + " created_at, updated_at) VALUES (:id, 'contoso.com', 'wave-1', 'MIGRATING',"
                + " 'SYNCED', 'en', TRUE, 'MICROSOFT_365', 'MANUAL', 3600, '', :now, :now)")
        .param("id", migrationId)
        .param("now", START.atOffset(ZoneOffset.UTC))
        .update();
    int position = 0;
    for (String[] mailbox :
        List.of(
            new String[] {"anna@contoso.com", "SYNCED"},
            new String[] {"gone@contoso.com", "REMOVED"},
            new String[] {"sales@contoso.com", "SYNCED"})) {
      jdbc.sql(
              "INSERT INTO mailbox (id, migration_id, position, email_address, status,"
                  + " messages_copied, flags_updated, messages_skipped, bytes_copied, updated_at)"
                  + " VALUES (:id, :migration, :position, :address, :status, 0, 0, 0, 0, :now)")
          .param("id", java.util.UUID.randomUUID().toString())
          .param("migration", migrationId)
          .param("position", position++)
          .param("address", mailbox[0])
          .param("status", mailbox[1])
          .param("now", START.atOffset(ZoneOffset.UTC))
          .update();
    }
    when(target.dnsRecords(migrationId))
        .thenReturn(
            new TargetDnsRecords(
                "MS=ms1",
                List.of(
                    new TargetDnsRecords.MailExchanger(10, "backup.contoso.com"),
                    new TargetDnsRecords.MailExchanger(
                        0, "contoso-com.mail.protection.outlook.com.")),
                "autodiscover.outlook.com"));
  }

  @Test
  void asksTheMailExchangerTheSwapWritesAboutEveryAddressOfTheBatchAndStoresTheAnswers() {
    probe.refusing.add("sales@contoso.com");

    MxProofReport report = proofs.prove(migrationId);

    assertThat(probe.asked)
        .containsExactly(
            "contoso-com.mail.protection.outlook.com:25 anna@contoso.com,sales@contoso.com");
    assertThat(report.clearsTheSwap()).isFalse();
    MxProofReport stored = proofs.of(migrationId).orElseThrow();
    assertThat(stored.mailExchanger()).isEqualTo("contoso-com.mail.protection.outlook.com:25");
    assertThat(stored.provedAt()).isEqualTo(START);
    assertThat(stored.answers())
        .extracting(RecipientAnswer::address, RecipientAnswer::verdict)
        .containsExactly(
            tuple("anna@contoso.com", Verdict.ACCEPTED),
            tuple("sales@contoso.com", Verdict.REFUSED));
    assertThat(stored.wouldBounce()).extracting(RecipientAnswer::reply).containsExactly(REFUSED);
    assertThat(stored.acceptedBy()).isNull();
  }

  @Test
  void recordsWhoAcceptedWhichAddressesAndWhenUntilTheNextProof() {
    probe.refusing.add("sales@contoso.com");
    proofs.prove(migrationId);
    clock.set(START.plusSeconds(300));

    MxProofReport accepted = proofs.acceptWouldBounce(migrationId, "anna.admin");

    assertThat(accepted.acceptedBy()).isEqualTo("anna.admin");
    assertThat(accepted.acceptedAt()).isEqualTo(START.plusSeconds(300));
    assertThat(accepted.acceptedAddresses()).containsExactly("sales@contoso.com");
    assertThat(accepted.clearsTheSwap()).isTrue();
    assertThat(proofs.of(migrationId).orElseThrow().acceptedBy()).isEqualTo("anna.admin");

    probe.refusing.clear();
    MxProofReport again = proofs.prove(migrationId);
    assertThat(again.clearsTheSwap()).isTrue();
    assertThat(proofs.of(migrationId).orElseThrow().acceptedBy()).isNull();
    assertThat(proofs.of(migrationId).orElseThrow().wouldBounce()).isEmpty();
  }

  @Test
  void hasNoProofBeforeTheFirstAndKnowsNoOtherMigration() {
    assertThat(proofs.of(migrationId)).isEmpty();
    assertThatThrownBy(() -> proofs.of("no-such-migration")).isInstanceOf(MigrationNotFound.class);
  }
}
