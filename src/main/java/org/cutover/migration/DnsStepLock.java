package org.cutover.migration;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One migration's zone-changing DNS steps, one at a time (table {@code dns_step_lock}, Flyway V12).
 * The engine's job lock runs out after {@code camunda.bpm.job-execution.lock-time-in-millis} so
 * that a step whose node died is taken over; a step still running then (a DNS server answering
 * slowly) must not be joined by a second run. The row lock lives in the job's own transaction: it
 * ends with the step, and with the database connection of a process that dies.
 */
@Repository
class DnsStepLock {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  DnsStepLock(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Takes the migration's lock until the caller's transaction ends, waiting while another run holds
   * it (PostgreSQL waits until it ends; H2 for its lock time-out, then the step is retried).
   * Outside a transaction there is nothing to hold it in, and nothing is done.
   */
  void holdUntilCommit(String migrationId) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      return;
    }
    ownTransaction.executeWithoutResult(status -> createRow(migrationId, status));
    try {
      jdbc.sql("SELECT migration_id FROM dns_step_lock WHERE migration_id = :id FOR UPDATE")
          .param("id", migrationId)
          .query(String.class)
          .single();
    } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
      // PostgreSQL waits; H2 gives up after its lock time-out
      throw new TransientStepFailure(
          "Migration "
              + migrationId
              + ": another run of a DNS step of this migration is still changing its zone; the"
              + " step is retried");
    }
  }

  private void createRow(String migrationId, TransactionStatus status) {
    boolean exists =
        jdbc.sql("SELECT COUNT(*) FROM dns_step_lock WHERE migration_id = :id")
                .param("id", migrationId)
                .query(Integer.class)
                .single()
            > 0;
    if (exists) {
      return;
    }
    try {
      jdbc.sql("INSERT INTO dns_step_lock (migration_id) VALUES (:id)")
          .param("id", migrationId)
          .update();
    } catch (DataIntegrityViolationException e) {
      // another run created it a moment ago
      status.setRollbackOnly();
    }
  }
}
