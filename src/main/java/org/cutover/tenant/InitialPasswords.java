package org.cutover.tenant;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The initial passwords of the users Cutover creates in Microsoft 365, kept encrypted in the secret
 * store (table {@code initial_password} holds the reference) until an administrator takes them,
 * once, as CSV; then the secrets are deleted.
 *
 * <p>A password is chosen once per mailbox, stored before the user is created and reused by every
 * later try, so whichever request created the user, the stored password is the one it was given.
 * Writes commit on their own: a step that fails after the user was created (its mailbox still being
 * provisioned) must not lose the password with its rolled-back transaction.
 */
public class InitialPasswords {

  private static final Logger log = LoggerFactory.getLogger(InitialPasswords.class);

  /** The password for one user, and whether an earlier try stored it (and may have used it). */
  record Prepared(char[] password, boolean fromEarlierTry) {}

  /** What an administrator gets when asking for a migration's initial passwords. */
  public sealed interface HandOut {

    /** CSV with a header line: EmailAddress,DisplayName,InitialPassword; one line per user. */
    record Csv(String text, int users) implements HandOut {
      @Override
      public String toString() {
        return "Csv[users=" + users + "]";
      }
    }

    /** Every password was taken already, the last time at {@code at}. */
    record AlreadyTaken(Instant at) implements HandOut {}

    /** Cutover has created no user for the migration (yet). */
    record None() implements HandOut {}
  }

  private final JdbcClient jdbc;
  private final SecretStore secrets;
  private final TransactionTemplate own;
  private final TransactionTemplate joined;
  private final PasswordGenerator generator;
  private final Clock clock;

  InitialPasswords(
      JdbcClient jdbc,
      SecretStore secrets,
      PlatformTransactionManager transactions,
      PasswordGenerator generator,
      Clock clock) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.joined = new TransactionTemplate(transactions);
    this.generator = generator;
    this.clock = clock;
  }

  /** The password to create the user with: the one stored by an earlier try, else a new one. */
  Prepared prepare(String migrationId, String mailboxId, String address, String displayName) {
    return own.execute(
        status -> {
          Optional<String> stored =
              jdbc.sql(
                      "SELECT secret_id FROM initial_password WHERE mailbox_id = :mailbox"
                          + " AND secret_id IS NOT NULL")
                  .param("mailbox", mailboxId)
                  .query(String.class)
                  .optional();
          if (stored.isPresent()) {
            return new Prepared(secrets.get(new SecretRef(stored.get())), true);
          }
          jdbc.sql("DELETE FROM initial_password WHERE mailbox_id = :mailbox")
              .param("mailbox", mailboxId)
              .update();
          char[] password = generator.next();
          SecretRef ref = secrets.put("Initial password of " + address, password);
          jdbc.sql(
                  "INSERT INTO initial_password (mailbox_id, migration_id, email_address,"
                      + " display_name, secret_id, user_created, created_at) VALUES (:mailbox,"
                      + " :migration, :address, :name, :secret, FALSE, :now)")
              .param("mailbox", mailboxId)
              .param("migration", migrationId)
              .param("address", address)
              .param("name", displayName)
              .param("secret", ref.id())
              .param("now", now())
              .update();
          return new Prepared(password, false);
        });
  }

  /** Microsoft 365 created the user with the prepared password. */
  void confirmCreated(String mailboxId) {
    own.executeWithoutResult(
        status ->
            jdbc.sql("UPDATE initial_password SET user_created = TRUE WHERE mailbox_id = :mailbox")
                .param("mailbox", mailboxId)
                .update());
  }

  /** The prepared password was not used (the user existed, or creating it was refused). */
  void discard(String mailboxId) {
    own.executeWithoutResult(
        status -> {
          jdbc.sql(
                  "SELECT secret_id FROM initial_password WHERE mailbox_id = :mailbox"
                      + " AND secret_id IS NOT NULL")
              .param("mailbox", mailboxId)
              .query(String.class)
              .optional()
              .ifPresent(id -> secrets.delete(new SecretRef(id)));
          jdbc.sql("DELETE FROM initial_password WHERE mailbox_id = :mailbox")
              .param("mailbox", mailboxId)
              .update();
        });
  }

  /**
   * Hands the passwords of the users created since the last call out as CSV, and deletes them: a
   * second call gets {@link HandOut.AlreadyTaken} unless more users were created meanwhile.
   */
  public HandOut handOut(String migrationId) {
    HandOut handOut = joined.execute(status -> claim(migrationId));
    if (handOut instanceof HandOut.Csv csv) {
      log.info("Migration {}: initial passwords of {} users handed out", migrationId, csv.users());
    }
    return handOut;
  }

  private HandOut claim(String migrationId) {
    String claim = UUID.randomUUID().toString();
    int claimed =
        jdbc.sql(
                "UPDATE initial_password SET handed_out_at = :now, claim = :claim WHERE"
                    + " migration_id = :migration AND user_created = TRUE AND handed_out_at IS"
                    + " NULL")
            .param("now", now())
            .param("claim", claim)
            .param("migration", migrationId)
            .update();
    if (claimed == 0) {
      return jdbc.sql(
              "SELECT MAX(handed_out_at) FROM initial_password WHERE migration_id = :migration")
          .param("migration", migrationId)
          .query(OffsetDateTime.class)
          .optional()
          .<HandOut>map(at -> new HandOut.AlreadyTaken(at.toInstant()))
          .orElseGet(HandOut.None::new);
    }
    record Row(String address, String name, String secretId) {}
    List<Row> rows =
        jdbc.sql(
                "SELECT email_address, display_name, secret_id FROM initial_password WHERE claim"
                    + " = :claim ORDER BY email_address")
            .param("claim", claim)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString("email_address"),
                        rs.getString("display_name"),
                        rs.getString("secret_id")))
            .list();
    StringBuilder csv = new StringBuilder("EmailAddress,DisplayName,InitialPassword\r\n");
    for (Row row : rows) {
      SecretRef ref = new SecretRef(row.secretId());
      char[] password = secrets.get(ref);
      try {
        csv.append(field(row.address()))
            .append(',')
            .append(field(row.name() == null ? "" : row.name()))
            .append(',')
            .append(field(new String(password)))
            .append("\r\n");
      } finally {
        Arrays.fill(password, '\0');
      }
      secrets.delete(ref);
    }
    jdbc.sql("UPDATE initial_password SET secret_id = NULL WHERE claim = :claim")
        .param("claim", claim)
        .update();
    return new HandOut.Csv(csv.toString(), rows.size());
  }

  /** A CSV field (RFC 4180), quoted when it holds a comma, quote or line break. */
  static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
