package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cutover.migration.JdbcDnsChangeJournal;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The JDBC journal on the Flyway schema (H2 in memory). */
class JdbcDnsChangeJournalTest {

  private static final Instant T1 = Instant.parse("2026-03-02T08:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-03T08:00:00Z");

  private JdbcDnsChangeJournal journal;
  private TransactionTemplate job;

  @BeforeEach
  void migrate() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    journal = new JdbcDnsChangeJournal(dataSource, transactions);
    job = new TransactionTemplate(transactions);
  }

  private static RecordSet mx(long ttl) {
    return RecordSet.of(
        "contoso.com", RecordType.MX, ttl, "10 mail.contoso.com.", "20 backup.example.net.");
  }

  @Test
  void keepsWhatWasRecorded() {
    RecordSet txt =
        RecordSet.txt(
            "contoso.com", 3600, List.of("v=spf1 mx -all", "say \"hi\" \\ twice  spaced"));
    DnsChange stored =
        journal.record(
            DnsChange.requested(
                "m-1",
                DnsStep.SPF,
                "contoso.com",
                RecordType.TXT,
                Optional.of(txt),
                Optional.empty(),
                T1));

    assertThat(stored.id()).isPositive();
    assertThat(journal.changes("m-1")).containsExactly(stored);
    assertThat(journal.changes("m-1").get(0).before().get().texts())
        .containsExactlyInAnyOrder("v=spf1 mx -all", "say \"hi\" \\ twice  spaced");
  }

  @Test
  void marksAChangeAppliedWithWhatTheZoneHeld() {
    DnsChange stored =
        journal.record(
            DnsChange.requested(
                "m-1",
                DnsStep.LOWER_MX_TTL,
                "contoso.com",
                RecordType.MX,
                Optional.of(mx(86400)),
                Optional.of(mx(3600)),
                T1));

    journal.markApplied(stored.id(), T2, Optional.of(mx(1800)));

    DnsChange read = journal.changes("m-1").get(0);
    assertThat(read.appliedAt()).contains(T2);
    assertThat(read.after()).contains(mx(1800));
    assertThat(read.before()).contains(mx(86400));
    assertThat(read.rolledBack()).isFalse();
  }

  @Test
  void marksAChangeRolledBack() {
    DnsChange stored =
        journal.record(
            DnsChange.requested(
                "m-1",
                DnsStep.SWAP_MX,
                "contoso.com",
                RecordType.MX,
                Optional.of(mx(3600)),
                Optional.of(mx(300)),
                T1));

    journal.markRolledBack(stored.id(), T2);

    assertThat(journal.changes("m-1").get(0).rolledBackAt()).contains(T2);
  }

  @Test
  void discardsOnlyChangesNotApplied() {
    DnsChange waiting =
        journal.record(
            DnsChange.requested(
                "m-1",
                DnsStep.AUTODISCOVER_CNAME,
                "autodiscover.contoso.com",
                RecordType.CNAME,
                Optional.empty(),
                Optional.of(
                    RecordSet.of(
                        "autodiscover.contoso.com",
                        RecordType.CNAME,
                        3600,
                        "autodiscover.outlook.com.")),
                T1));
    DnsChange applied =
        journal.record(
            DnsChange.requested(
                "m-1",
                DnsStep.LOWER_MX_TTL,
                "contoso.com",
                RecordType.MX,
                Optional.of(mx(86400)),
                Optional.of(mx(3600)),
                T1));
    journal.markApplied(applied.id(), T1, applied.after());

    journal.discard(waiting.id());
    journal.discard(applied.id());

    assertThat(journal.changes("m-1")).extracting(DnsChange::id).containsExactly(applied.id());
  }

  @Test
  void listsOneMigrationsChangesOldestFirst() {
    for (String migration : List.of("m-1", "m-2", "m-1")) {
      journal.record(
          DnsChange.requested(
              migration,
              DnsStep.LOWER_MX_TTL,
              "contoso.com",
              RecordType.MX,
              Optional.of(mx(86400)),
              Optional.of(mx(3600)),
              T1));
    }

    List<DnsChange> changes = journal.changes("m-1");

    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).id()).isLessThan(changes.get(1).id());
  }

  @Test
  void anIntentAndItsConfirmationStayWhenTheJobsTransactionRollsBack() {
    DnsChange[] recorded = new DnsChange[1];
    job.executeWithoutResult(
        status -> {
          recorded[0] =
              journal.record(
                  DnsChange.requested(
                      "m-1",
                      DnsStep.SWAP_MX,
                      "contoso.com",
                      RecordType.MX,
                      Optional.of(mx(3600)),
                      Optional.of(mx(300)),
                      T1));
          journal.markApplied(recorded[0].id(), T2, Optional.of(mx(300)));
          status.setRollbackOnly();
        });

    assertThat(journal.changes("m-1"))
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.id()).isEqualTo(recorded[0].id());
              assertThat(change.appliedAt()).contains(T2);
            });
  }

  @Test
  void keepsTheFirstConfirmationAndTheFirstRollback() {
    DnsChange stored =
        journal.record(
            DnsChange.requested(
                "m-1",
                DnsStep.LOWER_MX_TTL,
                "contoso.com",
                RecordType.MX,
                Optional.of(mx(86400)),
                Optional.of(mx(3600)),
                T1));

    journal.markApplied(stored.id(), T1, Optional.of(mx(3600)));
    journal.markApplied(stored.id(), T2, Optional.of(mx(1800)));
    journal.markRolledBack(stored.id(), T1);
    journal.markRolledBack(stored.id(), T2);

    DnsChange read = journal.changes("m-1").get(0);
    assertThat(read.appliedAt()).contains(T1);
    assertThat(read.after()).contains(mx(3600));
    assertThat(read.rolledBackAt()).contains(T1);
  }

  @Test
  void refusesToMarkAnUnknownChange() {
    assertThatThrownBy(() -> journal.markRolledBack(999, T1))
        .hasMessageContaining("DNS change 999 is not in the journal");
  }
}
