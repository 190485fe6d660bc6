package org.cutover.mxproof;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cutover.migration.MigrationNotFound;
import org.cutover.mxproof.RecipientAnswer.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Proofs at the new MX in tables {@code mx_proof} and {@code mx_proof_answer}. */
@Component
class StoredMxProofs implements MxProofs {

  private static final Logger log = LoggerFactory.getLogger(StoredMxProofs.class);
  private static final int MAX_ACCEPTED_TEXT = 16000;
  private static final int MAX_REPLY = 1000;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final AddressesToProve addresses;
  private final MailExchangerToAsk exchanger;
  private final RecipientProbe probe;
  private final Clock clock;

  StoredMxProofs(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      AddressesToProve addresses,
      MailExchangerToAsk exchanger,
      RecipientProbe probe,
      ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.addresses = addresses;
    this.exchanger = exchanger;
    this.probe = probe;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public MxProofReport prove(String migrationId) {
    List<String> asked = addresses.of(migrationId);
    MailExchangerAddress mx = exchanger.of(migrationId);
    List<RecipientAnswer> answers = probe.ask(mx, asked);
    Instant now = clock.instant();
    transaction.executeWithoutResult(status -> store(migrationId, mx, answers, now));
    MxProofReport report = new MxProofReport(mx.toString(), now, answers, null, null, List.of());
    log.info(
        "Migration {}: {} of {} addresses would bounce at {}",
        migrationId,
        report.wouldBounce().size(),
        answers.size(),
        mx);
    return report;
  }

  private void store(
      String migrationId, MailExchangerAddress mx, List<RecipientAnswer> answers, Instant now) {
    jdbc.sql("DELETE FROM mx_proof WHERE migration_id = :id").param("id", migrationId).update();
    jdbc.sql(
            "INSERT INTO mx_proof (migration_id, mail_exchanger, proved_at) VALUES (:id, :mx,"
                + " :now)")
        .param("id", migrationId)
        .param("mx", mx.toString())
        .param("now", utc(now))
        .update();
    int position = 0;
    for (RecipientAnswer answer : answers) {
      String reply = answer.reply();
      jdbc.sql(
              "INSERT INTO mx_proof_answer (migration_id, position, address, verdict, reply)"
                  + " VALUES (:id, :position, :address, :verdict, :reply)")
          .param("id", migrationId)
          .param("position", position++)
          .param("address", answer.address())
          .param("verdict", answer.verdict().name())
          .param("reply", reply.length() <= MAX_REPLY ? reply : reply.substring(0, MAX_REPLY))
          .update();
    }
  }

  @Override
  public MxProofReport acceptWouldBounce(String migrationId, String acceptedBy) {
    MxProofReport last =
        of(migrationId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Migration "
                            + migrationId
                            + " has no proof at the new MX to accept; prove the addresses first"));
    List<String> wouldBounce = last.wouldBounce().stream().map(RecipientAnswer::address).toList();
    String text = String.join("\n", wouldBounce);
    if (text.length() > MAX_ACCEPTED_TEXT) {
      text = text.substring(0, text.lastIndexOf('\n', MAX_ACCEPTED_TEXT - 20)) + "\n…";
    }
    Instant now = clock.instant();
    jdbc.sql(
            "UPDATE mx_proof SET accepted_by = :by, accepted_at = :now, accepted_addresses ="
                + " :addresses WHERE migration_id = :id")
        .param("by", acceptedBy.length() <= 128 ? acceptedBy : acceptedBy.substring(0, 128))
        .param("now", utc(now))
        .param("addresses", text)
        .param("id", migrationId)
        .update();
    log.info(
        "Migration {}: {} accepted {} addresses that would bounce at the new MX",
        migrationId,
        acceptedBy,
        wouldBounce.size());
    return of(migrationId).orElseThrow();
  }

  @Override
  public Optional<MxProofReport> of(String migrationId) {
    record Head(
        String mailExchanger,
        Instant provedAt,
        String acceptedBy,
        Instant acceptedAt,
        String acceptedAddresses) {}
    Optional<Head> head =
        jdbc.sql(
                "SELECT mail_exchanger, proved_at, accepted_by, accepted_at, accepted_addresses"
                    + " FROM mx_proof WHERE migration_id = :id")
            .param("id", migrationId)
            .query(
                (rs, n) ->
                    new Head(
                        rs.getString("mail_exchanger"),
                        instant(rs, "proved_at"),
                        rs.getString("accepted_by"),
                        instant(rs, "accepted_at"),
                        rs.getString("accepted_addresses")))
            .optional();
    if (head.isEmpty()) {
      if (jdbc.sql("SELECT COUNT(*) FROM migration WHERE id = :id")
              .param("id", migrationId)
              .query(Integer.class)
              .single()
          == 0) {
        throw MigrationNotFound.migration(migrationId);
      }
      return Optional.empty();
    }
    List<RecipientAnswer> answers =
        jdbc.sql(
                "SELECT address, verdict, reply FROM mx_proof_answer WHERE migration_id = :id"
                    + " ORDER BY position")
            .param("id", migrationId)
            .query(
                (rs, n) ->
                    new RecipientAnswer(
                        rs.getString("address"),
                        Verdict.valueOf(rs.getString("verdict")),
                        rs.getString("reply")))
            .list();
    Head row = head.get();
    List<String> accepted =
        row.acceptedAddresses() == null || row.acceptedAddresses().isEmpty()
            ? List.of()
            : Arrays.asList(row.acceptedAddresses().split("\n"));
    return Optional.of(
        new MxProofReport(
            row.mailExchanger(),
            row.provedAt(),
            answers,
            row.acceptedBy(),
            row.acceptedAt(),
            accepted));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
