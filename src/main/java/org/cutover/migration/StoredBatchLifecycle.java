package org.cutover.migration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cutover.mailsync.SyncStateStore;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The batch's life as recorded in our tables; every step may run again without further effect. */
@Component
class StoredBatchLifecycle implements BatchLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StoredBatchLifecycle.class);

  private final JdbcClient jdbc;
  private final ObjectProvider<MailboxSyncEngine> mailSync;
  private final SecretStore secrets;
  private final ObjectProvider<SyncStateStore> syncState;
  private final Clock clock;

  StoredBatchLifecycle(
      JdbcClient jdbc,
      ObjectProvider<MailboxSyncEngine> mailSync,
      SecretStore secrets,
      ObjectProvider<SyncStateStore> syncState,
      ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.mailSync = mailSync;
    this.secrets = secrets;
    this.syncState = syncState;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public void recordPhase(String migrationId, MigrationPhase phase) {
    int updated =
        jdbc.sql("UPDATE migration SET phase = :phase, updated_at = :now WHERE id = :id")
            .param("phase", phase.name())
            .param("now", now())
            .param("id", migrationId)
            .update();
    requireFound(updated, migrationId);
    log.info("Migration {} is in phase {}", migrationId, phase);
  }

  @Override
  public void createEndpoint(String migrationId) {
    batchStatus(migrationId);
    MailboxSyncEngine engine = mailSync.getIfAvailable();
    if (engine == null) {
      throw new StepNeedsAdministrator(
          "Migration "
              + migrationId
              + ": the source endpoint cannot be tested because "
              + Capability.MAIL_SYNC.describeMissing());
    }
    engine.testSourceEndpoint(migrationId);
    int updated =
        jdbc.sql(
                "UPDATE endpoint SET status = 'READY', tested_at = :now WHERE migration_id = :id"
                    + " AND role = 'SOURCE' AND status = 'NEW'")
            .param("now", now())
            .param("id", migrationId)
            .update();
    if (updated > 0) {
      log.info("Migration {}: source endpoint tested and ready", migrationId);
    }
  }

  @Override
  public void createBatch(String migrationId) {
    moveBatch(migrationId, BatchStatus.CREATED);
  }

  @Override
  public void startBatch(String migrationId) {
    moveBatch(migrationId, BatchStatus.SYNCING);
  }

  @Override
  public List<String> everyMailboxId(String migrationId) {
    return jdbc.sql("SELECT id FROM mailbox WHERE migration_id = :id ORDER BY position")
        .param("id", migrationId)
        .query(String.class)
        .list();
  }

  @Override
  public List<String> mailboxIds(String migrationId) {
    batchStatus(migrationId);
    // A mailbox taken out of the batch is synced no more.
    return jdbc.sql(
            "SELECT id FROM mailbox WHERE migration_id = :id AND status <> 'REMOVED' ORDER BY"
                + " position")
        .param("id", migrationId)
        .query(String.class)
        .list();
  }

  @Override
  @Transactional
  public BatchStatus finishInitialSync(String migrationId) {
    BatchStatus current = batchStatus(migrationId);
    if (current != BatchStatus.SYNCING
        && current != BatchStatus.SYNCED
        && current != BatchStatus.SYNCED_WITH_ERRORS) {
      log.info(
          "Migration {}: initial sync not finished because the batch is {}", migrationId, current);
      return current;
    }
    long failed =
        jdbc.sql(
                "SELECT COUNT(*) FROM mailbox WHERE migration_id = :id AND status IN ('FAILED',"
                    + " 'SYNCED_WITH_ERRORS')")
            .param("id", migrationId)
            .query(Long.class)
            .single();
    BatchStatus finished = failed > 0 ? BatchStatus.SYNCED_WITH_ERRORS : BatchStatus.SYNCED;
    if (finished != current) {
      setBatchStatus(migrationId, finished);
      log.info(
          "Migration {}: initial sync finished, batch {} ({} failed or synced with errors)",
          migrationId,
          finished,
          failed);
    }
    return finished;
  }

  @Override
  public void recordMxSwitch(String migrationId, Instant switchedAt) {
    batchStatus(migrationId);
    int updated =
        jdbc.sql(
                "UPDATE migration SET mx_switched_at = :at, updated_at = :now WHERE id = :id AND"
                    + " (mx_switched_at IS NULL OR mx_switched_at < :at)")
            .param("at", MigrationStore.utc(switchedAt))
            .param("now", now())
            .param("id", migrationId)
            .update();
    if (updated > 0) {
      log.info("Migration {}: MX switched at {}", migrationId, switchedAt);
    }
  }

  @Override
  @Transactional
  public void deleteBatch(String migrationId) {
    BatchStatus current = batchStatus(migrationId);
    if (current != BatchStatus.REMOVED) {
      setBatchStatus(migrationId, BatchStatus.REMOVED);
    }
    jdbc.sql(
            "UPDATE mailbox SET status = 'REMOVED', updated_at = :now WHERE migration_id = :id"
                + " AND status <> 'REMOVED'")
        .param("now", now())
        .param("id", migrationId)
        .update();
    log.info(
        "Migration {}: batch removed; credentials and sync state kept until the source is"
            + " forgotten",
        migrationId);
  }

  @Override
  @Transactional
  public void forgetSource(String migrationId) {
    batchStatus(migrationId);
    List<String> credentials =
        new java.util.ArrayList<>(
            jdbc.sql(
                    "SELECT credential_id FROM endpoint WHERE migration_id = :id AND credential_id IS"
                        + " NOT NULL")
                .param("id", migrationId)
                .query(String.class)
                .list());
    // Each user's own passwords go with the batch too.
    credentials.addAll(
        jdbc.sql(
                "SELECT source_credential_id FROM mailbox WHERE migration_id = :id AND"
                    + " source_credential_id IS NOT NULL UNION SELECT target_credential_id FROM"
                    + " mailbox WHERE migration_id = :id AND target_credential_id IS NOT NULL")
            .param("id", migrationId)
            .query(String.class)
            .list());
    jdbc.sql(
            "UPDATE endpoint SET status = 'REMOVED', credential_id = NULL WHERE migration_id ="
                + " :id")
        .param("id", migrationId)
        .update();
    jdbc.sql(
            "UPDATE mailbox SET source_credential_id = NULL, target_credential_id = NULL WHERE"
                + " migration_id = :id")
        .param("id", migrationId)
        .update();
    for (String credential : new java.util.LinkedHashSet<>(credentials)) {
      if (!usedElsewhere(credential)) {
        secrets.delete(new SecretRef(credential));
      }
    }
    // The copies stay on the target; the UID state that tracked them goes with the batch.
    List<String> everyMailbox =
        jdbc.sql("SELECT id FROM mailbox WHERE migration_id = :id")
            .param("id", migrationId)
            .query(String.class)
            .list();
    syncState.ifAvailable(state -> everyMailbox.forEach(state::deleteMailbox));
    log.info(
        "Migration {}: source forgotten, endpoint and user credentials and sync state deleted",
        migrationId);
  }

  @Override
  @Transactional
  public void stopBatch(String migrationId) {
    BatchStatus current = batchStatus(migrationId);
    if (current != BatchStatus.REMOVED && current != BatchStatus.STOPPED) {
      // From now on a running pass's lease is not renewed (MailboxLeases.renew), so the pass
      // stops before its next write; a pass still to come does nothing.
      setBatchStatus(migrationId, BatchStatus.STOPPED);
      log.info("Migration {}: batch stopped (was {})", migrationId, current);
    }
    int stopped =
        jdbc.sql(
                "UPDATE mailbox SET status = 'STOPPED', updated_at = :now WHERE migration_id = :id"
                    + " AND status IN ('QUEUED', 'PROVISIONING', 'SYNCING',"
                    + " 'INCREMENTAL_SYNCING')")
            .param("now", now())
            .param("id", migrationId)
            .update();
    if (stopped > 0) {
      log.info(
          "Migration {}: {} mailboxes waiting or syncing marked stopped", migrationId, stopped);
    }
  }

  /**
   * Whether an endpoint still in use, any migration's settings, or a mailbox of another batch refer
   * to the secret.
   */
  private boolean usedElsewhere(String credential) {
    long uses =
        jdbc.sql(
                "SELECT (SELECT COUNT(*) FROM endpoint WHERE credential_id = :c AND status <>"
                    + " 'REMOVED') + (SELECT COUNT(*) FROM migration WHERE client_secret_id = :c"
                    + " OR dns_credential_id = :c) + (SELECT COUNT(*) FROM mailbox WHERE"
                    + " source_credential_id = :c OR target_credential_id = :c)")
            .param("c", credential)
            .query(Long.class)
            .single();
    return uses > 0;
  }

  /** Moves the batch forward to {@code to}; nothing when it is already there or further. */
  private void moveBatch(String migrationId, BatchStatus to) {
    BatchStatus current = batchStatus(migrationId);
    boolean ended = current == BatchStatus.REMOVED || current == BatchStatus.STOPPED;
    if (!ended && current.ordinal() >= to.ordinal()) {
      return;
    }
    if (ended || to.ordinal() - current.ordinal() > 1) {
      throw new IllegalStateException(
          "Migration " + migrationId + ": the batch is " + current + " and cannot become " + to);
    }
    setBatchStatus(migrationId, to);
    log.info("Migration {}: batch {}", migrationId, to);
  }

  private void setBatchStatus(String migrationId, BatchStatus status) {
    jdbc.sql("UPDATE migration SET batch_status = :status, updated_at = :now WHERE id = :id")
        .param("status", status.name())
        .param("now", now())
        .param("id", migrationId)
        .update();
  }

  private BatchStatus batchStatus(String migrationId) {
    return jdbc.sql("SELECT batch_status FROM migration WHERE id = :id")
        .param("id", migrationId)
        .query(String.class)
        .optional()
        .map(BatchStatus::valueOf)
        .orElseThrow(() -> MigrationNotFound.migration(migrationId));
  }

  private static void requireFound(int updated, String migrationId) {
    if (updated == 0) {
      throw MigrationNotFound.migration(migrationId);
    }
  }

  private java.time.OffsetDateTime now() {
    return MigrationStore.utc(clock.instant());
  }
}
