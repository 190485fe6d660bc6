package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The per-migration lock of the zone-changing DNS steps, on the Flyway schema (H2). */
class DnsStepLockTest {

  private DnsStepLock lock;
  private TransactionTemplate job;
  private TransactionTemplate otherJob;

  @BeforeEach
  void migrate() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    lock = new DnsStepLock(JdbcClient.create(dataSource), transactions);
    job = new TransactionTemplate(transactions);
    otherJob = new TransactionTemplate(transactions);
    otherJob.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Test
  void aSecondRunOfTheSameMigrationIsRefusedWhileTheFirstHoldsTheLock() {
    job.executeWithoutResult(
        first -> {
          lock.holdUntilCommit("m-1");

          assertThatThrownBy(
                  () -> otherJob.executeWithoutResult(second -> lock.holdUntilCommit("m-1")))
              .isInstanceOf(TransientStepFailure.class)
              .hasMessageContaining("another run of a DNS step of this migration");
        });
  }

  @Test
  void anotherMigrationIsNotHeldUp() {
    job.executeWithoutResult(
        first -> {
          lock.holdUntilCommit("m-1");

          otherJob.executeWithoutResult(second -> lock.holdUntilCommit("m-2"));
        });
  }

  @Test
  void theLockEndsWithTheTransactionThatTookIt() {
    job.executeWithoutResult(first -> lock.holdUntilCommit("m-1"));

    job.executeWithoutResult(
        second -> {
          lock.holdUntilCommit("m-1");

          assertThatThrownBy(
                  () -> otherJob.executeWithoutResult(third -> lock.holdUntilCommit("m-1")))
              .isInstanceOf(TransientStepFailure.class);
        });
  }
}
