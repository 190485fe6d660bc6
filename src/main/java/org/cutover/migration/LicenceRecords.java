package org.cutover.migration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The licences given to a batch's users ({@code licence_assignment}) and the last check of who
 * holds none ({@code licence_check}, {@code licence_missing}); Flyway V7. Each user's outcome
 * commits at once in a transaction of its own: when the assignment step fails half-way and is
 * retried, the users it already licensed stay recorded as assigned by Cutover.
 */
@Repository
class LicenceRecords {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  LicenceRecords(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Records one user's outcome. A user Cutover licensed in an earlier try of the same licence stays
   * ASSIGNED when this try finds it held already.
   */
  UserLicence record(String migrationId, UserLicence licence) {
    return committed(
        () -> {
          Optional<UserLicence> before = find(migrationId, licence.emailAddress());
          UserLicence kept =
              before.isPresent()
                      && before.get().outcome() == UserLicence.Outcome.ASSIGNED
                      && before.get().skuId().equalsIgnoreCase(licence.skuId())
                      && licence.outcome() == UserLicence.Outcome.ALREADY_HELD
                  ? new UserLicence(
                      licence.emailAddress(),
                      licence.skuId(),
                      licence.skuPartNumber(),
                      UserLicence.Outcome.ASSIGNED,
                      null,
                      before.get().recordedAt())
                  : licence;
          jdbc.sql(
                  "DELETE FROM licence_assignment WHERE migration_id = :id AND email_address ="
                      + " :address")
              .param("id", migrationId)
              .param("address", licence.emailAddress())
              .update();
          jdbc.sql(
                  "INSERT INTO licence_assignment (migration_id, email_address, sku_id,"
                      + " sku_part_number, outcome, reason, recorded_at) VALUES (:id, :address,"
                      + " :skuId, :part, :outcome, :reason, :at)")
              .params(
                  Map.of(
                      "id", migrationId,
                      "address", kept.emailAddress(),
                      "skuId", kept.skuId(),
                      "part", kept.skuPartNumber(),
                      "outcome", kept.outcome().name(),
                      "at", MigrationStore.utc(kept.recordedAt())))
              .param("reason", shorten(kept.reason()))
              .update();
          return kept;
        });
  }

  List<UserLicence> licences(String migrationId) {
    return jdbc.sql(
            "SELECT * FROM licence_assignment WHERE migration_id = :id ORDER BY email_address")
        .param("id", migrationId)
        .query(
            (rs, row) ->
                new UserLicence(
                    rs.getString("email_address"),
                    rs.getString("sku_id"),
                    rs.getString("sku_part_number"),
                    UserLicence.Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("reason"),
                    MigrationStore.instant(rs, "recorded_at")))
        .list();
  }

  private Optional<UserLicence> find(String migrationId, String address) {
    return licences(migrationId).stream()
        .filter(licence -> licence.emailAddress().equalsIgnoreCase(address))
        .findFirst();
  }

  /** Replaces the last check's answer: these users held no licence at {@code at}. */
  void recordCheck(String migrationId, List<String> withoutLicence, Instant at) {
    committed(
        () -> {
          jdbc.sql("DELETE FROM licence_check WHERE migration_id = :id")
              .param("id", migrationId)
              .update();
          jdbc.sql("INSERT INTO licence_check (migration_id, checked_at) VALUES (:id, :at)")
              .param("id", migrationId)
              .param("at", MigrationStore.utc(at))
              .update();
          for (String address : withoutLicence.stream().distinct().toList()) {
            jdbc.sql(
                    "INSERT INTO licence_missing (migration_id, email_address) VALUES (:id,"
                        + " :address)")
                .param("id", migrationId)
                .param("address", address)
                .update();
          }
          return null;
        });
  }

  /** The users without a licence at the last check; empty when no check was made. */
  Optional<List<String>> withoutLicence(String migrationId) {
    boolean checked =
        jdbc.sql("SELECT COUNT(*) FROM licence_check WHERE migration_id = :id")
                .param("id", migrationId)
                .query(Long.class)
                .single()
            > 0;
    if (!checked) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql(
                "SELECT email_address FROM licence_missing WHERE migration_id = :id ORDER BY"
                    + " email_address")
            .param("id", migrationId)
            .query(String.class)
            .list());
  }

  private <T> T committed(Supplier<T> work) {
    return ownTransaction.execute(status -> work.get());
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
  }
}
