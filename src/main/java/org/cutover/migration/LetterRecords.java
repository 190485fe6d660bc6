package org.cutover.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.cutover.notify.LetterEdit;
import org.cutover.notify.LetterKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letters' records in tables {@code letter_delivery}, {@code letter_edit} and {@code
 * letter_schedule} (Flyway V6). Every write commits at once in a transaction of its own, even
 * inside a runbook step's transaction: a letter handed to the SMTP server stays recorded when the
 * step later fails and its transaction rolls back.
 */
@Repository
class LetterRecords {

  /**
   * One person a letter goes to; {@code round} above 0 for a letter sent again in later rounds (one
   * per move of the planned switch), each round once per person.
   */
  record Recipient(String address, String mailboxId, String displayName, int round) {

    Recipient(String address, String mailboxId, String displayName) {
      this(address, mailboxId, displayName, 0);
    }

    String key() {
      String person = address.toLowerCase(Locale.ROOT);
      return round == 0 ? person : person + ROUND + round;
    }
  }

  /** Between the address and the round in the recipient key of a letter sent in rounds. */
  static final String ROUND = "#";

  /** The dates letters name; null when not known yet. */
  record Schedule(LocalDate plannedSwitch, LocalDate licenceDeadline) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate ownTransaction;

  LetterRecords(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Records the recipients that have no record for this letter yet, as PENDING. */
  void addRecipients(String migrationId, LetterKind kind, List<Recipient> recipients, Instant now) {
    committed(
        () -> {
          Set<String> known =
              new HashSet<>(
                  jdbc.sql(
                          "SELECT recipient FROM letter_delivery WHERE migration_id = :id AND"
                              + " kind = :kind")
                      .param("id", migrationId)
                      .param("kind", kind.name())
                      .query(String.class)
                      .list());
          List<Object[]> rows = new ArrayList<>();
          int position = known.size();
          for (Recipient recipient : recipients) {
            if (known.add(recipient.key())) {
              rows.add(
                  new Object[] {
                    UUID.randomUUID().toString(),
                    migrationId,
                    kind.name(),
                    position++,
                    recipient.key(),
                    recipient.address(),
                    recipient.mailboxId(),
                    recipient.displayName(),
                    DeliveryStatus.PENDING.name(),
                    MigrationStore.utc(now)
                  });
            }
          }
          batch.batchUpdate(
              "INSERT INTO letter_delivery (id, migration_id, kind, position, recipient,"
                  + " address, mailbox_id, display_name, status, attempts, updated_at) VALUES (?,"
                  + " ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
              rows);
          return rows.size();
        });
  }

  /** The letter's records in the order the recipients were added. */
  List<LetterDelivery> deliveries(String migrationId, LetterKind kind) {
    return jdbc.sql(
            "SELECT * FROM letter_delivery WHERE migration_id = :id AND kind = :kind ORDER BY"
                + " position")
        .param("id", migrationId)
        .param("kind", kind.name())
        .query(LetterRecords::delivery)
        .list();
  }

  /**
   * Turns records left SENDING by a run that ended without recording the outcome into UNKNOWN.
   *
   * @return how many
   */
  int markInterrupted(String migrationId, LetterKind kind, String reason, Instant now) {
    return committed(
        () ->
            jdbc.sql(
                    "UPDATE letter_delivery SET status = 'UNKNOWN', last_error = :reason,"
                        + " updated_at = :now WHERE migration_id = :id AND kind = :kind AND status"
                        + " = 'SENDING'")
                .param("reason", reason)
                .param("now", MigrationStore.utc(now))
                .param("id", migrationId)
                .param("kind", kind.name())
                .update());
  }

  /**
   * Takes a PENDING record for sending (SENDING, one more attempt).
   *
   * @return false when it is no longer PENDING (another run took it)
   */
  boolean claim(String deliveryId, Instant now) {
    return committed(
            () ->
                jdbc.sql(
                        "UPDATE letter_delivery SET status = 'SENDING', attempts = attempts + 1,"
                            + " updated_at = :now WHERE id = :id AND status = 'PENDING'")
                    .param("now", MigrationStore.utc(now))
                    .param("id", deliveryId)
                    .update())
        == 1;
  }

  /** Records the outcome of handing the letter over: SENT, PENDING again, FAILED or UNKNOWN. */
  void settle(String deliveryId, DeliveryStatus status, String error, Instant now) {
    committed(
        () ->
            jdbc.sql(
                    "UPDATE letter_delivery SET status = :status, last_error = :error, sent_at ="
                        + " :sentAt, updated_at = :now WHERE id = :id")
                .param("status", status.name())
                .param("error", error == null ? null : shorten(error))
                .param("sentAt", status == DeliveryStatus.SENT ? MigrationStore.utc(now) : null)
                .param("now", MigrationStore.utc(now))
                .param("id", deliveryId)
                .update());
  }

  /**
   * Turns the PENDING records of a letter's earlier rounds into FAILED with the reason: a newer
   * round replaces them, and a person gets one letter per round.
   *
   * @return how many
   */
  int supersede(String migrationId, LetterKind kind, int round, String reason, Instant now) {
    return committed(
        () ->
            jdbc.sql(
                    "UPDATE letter_delivery SET status = 'FAILED', last_error = :reason,"
                        + " updated_at = :now WHERE migration_id = :id AND kind = :kind AND status"
                        + " = 'PENDING' AND recipient NOT LIKE :round")
                .param("reason", reason)
                .param("now", MigrationStore.utc(now))
                .param("id", migrationId)
                .param("kind", kind.name())
                .param("round", "%" + ROUND + round)
                .update());
  }

  /** Whether any recipient's letter has been handed to the SMTP server. */
  boolean anyHandedOver(String migrationId, LetterKind kind) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM letter_delivery WHERE migration_id = :id AND kind = :kind AND"
                    + " (attempts > 0 OR status <> 'PENDING')")
            .param("id", migrationId)
            .param("kind", kind.name())
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<LetterEdit> edit(String migrationId, LetterKind kind) {
    return jdbc.sql(
            "SELECT subject, body FROM letter_edit WHERE migration_id = :id AND kind = :kind")
        .param("id", migrationId)
        .param("kind", kind.name())
        .query((rs, row) -> new LetterEdit(rs.getString("subject"), rs.getString("body")))
        .optional();
  }

  void saveEdit(
      String migrationId, LetterKind kind, LetterEdit edit, String editedBy, Instant now) {
    committed(
        () -> {
          int updated =
              jdbc.sql(
                      "UPDATE letter_edit SET subject = :subject, body = :body, edited_by = :by,"
                          + " edited_at = :now WHERE migration_id = :id AND kind = :kind")
                  .param("subject", edit.subject())
                  .param("body", edit.body())
                  .param("by", editedBy)
                  .param("now", MigrationStore.utc(now))
                  .param("id", migrationId)
                  .param("kind", kind.name())
                  .update();
          if (updated == 0) {
            jdbc.sql(
                    "INSERT INTO letter_edit (migration_id, kind, subject, body, edited_by,"
                        + " edited_at) VALUES (:id, :kind, :subject, :body, :by, :now)")
                .param("id", migrationId)
                .param("kind", kind.name())
                .param("subject", edit.subject())
                .param("body", edit.body())
                .param("by", editedBy)
                .param("now", MigrationStore.utc(now))
                .update();
          }
          return updated;
        });
  }

  /**
   * @return whether there was an edit
   */
  boolean dropEdit(String migrationId, LetterKind kind) {
    return committed(
            () ->
                jdbc.sql("DELETE FROM letter_edit WHERE migration_id = :id AND kind = :kind")
                    .param("id", migrationId)
                    .param("kind", kind.name())
                    .update())
        > 0;
  }

  Schedule schedule(String migrationId) {
    return jdbc.sql(
            "SELECT planned_switch, licence_deadline FROM letter_schedule WHERE migration_id ="
                + " :id")
        .param("id", migrationId)
        .query(
            (rs, row) ->
                new Schedule(
                    rs.getObject("planned_switch", LocalDate.class),
                    rs.getObject("licence_deadline", LocalDate.class)))
        .optional()
        .orElse(new Schedule(null, null));
  }

  void planSwitch(String migrationId, LocalDate date, Instant now) {
    setDate(migrationId, "planned_switch", date, now);
  }

  void recordLicenceDeadline(String migrationId, LocalDate date, Instant now) {
    setDate(migrationId, "licence_deadline", date, now);
  }

  private void setDate(String migrationId, String column, LocalDate date, Instant now) {
    committed(
        () -> {
          int updated =
              jdbc.sql(
                      "UPDATE letter_schedule SET "
                          + column
                          + " = :date, updated_at = :now WHERE migration_id = :id")
                  .param("date", date)
                  .param("now", MigrationStore.utc(now))
                  .param("id", migrationId)
                  .update();
          if (updated == 0) {
            jdbc.sql(
                    "INSERT INTO letter_schedule (migration_id, "
                        + column
                        + ", updated_at) VALUES (:id, :date, :now)")
                .param("id", migrationId)
                .param("date", date)
                .param("now", MigrationStore.utc(now))
                .update();
          }
          return updated;
        });
  }

  private <T> T committed(Supplier<T> work) {
    return ownTransaction.execute(status -> work.get());
  }

  private static String shorten(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
  }

  private static LetterDelivery delivery(ResultSet rs, int row) throws SQLException {
    return new LetterDelivery(
        rs.getString("id"),
        rs.getString("migration_id"),
        LetterKind.valueOf(rs.getString("kind")),
        rs.getString("address"),
        rs.getString("mailbox_id"),
        rs.getString("display_name"),
        DeliveryStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        MigrationStore.instant(rs, "sent_at"),
        MigrationStore.instant(rs, "updated_at"));
  }
}
