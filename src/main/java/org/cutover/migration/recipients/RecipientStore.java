package org.cutover.migration.recipients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cutover.directory.Discovery;
import org.cutover.directory.ExclusionReason;
import org.cutover.directory.Recipient;
import org.cutover.directory.RecipientKind;
import org.cutover.directory.SkippedEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discoveries and recipients in tables {@code directory_discovery}, {@code recipient}, {@code
 * recipient_address}, {@code recipient_link} and {@code directory_skipped}.
 */
@Repository
public class RecipientStore {

  private static final String OWNER = "OWNER";
  private static final String MEMBER = "MEMBER";

  private final JdbcClient jdbc;

  RecipientStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores what a discovery read, each recipient with the reason its mailbox is left out. */
  @Transactional
  public String saveDiscovery(String domain, String source, Discovery discovery, Instant now) {
    return saveDiscovery(domain, source, discovery, now, false);
  }

  /**
   * Stores what a discovery read; one {@code awaitingReview} is not taken by a migration until
   * {@link #accept accepted}.
   */
  @Transactional
  public String saveDiscovery(
      String domain, String source, Discovery discovery, Instant now, boolean awaitingReview) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            "INSERT INTO directory_discovery (id, domain, source, created_at, awaiting_review)"
                + " VALUES (:id, :domain, :source, :now, :awaiting)")
        .param("id", id)
        .param("domain", domain)
        .param("source", source.length() <= 2000 ? source : source.substring(0, 2000))
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("awaiting", awaitingReview)
        .update();
    List<Recipient> recipients = discovery.recipients();
    for (int position = 0; position < recipients.size(); position++) {
      Recipient recipient = recipients.get(position);
      insert(
          id,
          null,
          position,
          recipient,
          org.cutover.directory.BatchProposal.reasonToLeaveOut(recipient, domain));
    }
    List<SkippedEntry> skipped = discovery.skipped();
    for (int position = 0; position < skipped.size(); position++) {
      SkippedEntry entry = skipped.get(position);
      jdbc.sql(
              "INSERT INTO directory_skipped (discovery_id, position, distinguished_name, name,"
                  + " reason) VALUES (:id, :position, :dn, :name, :reason)")
          .param("id", id)
          .param("position", position)
          .param("dn", bounded(entry.distinguishedName(), 1000))
          .param("name", bounded(entry.name(), 320))
          .param("reason", entry.reason().name())
          .update();
    }
    return id;
  }

  public Optional<StoredDiscovery> discovery(String discoveryId) {
    return jdbc.sql("SELECT * FROM directory_discovery WHERE id = :id")
        .param("id", discoveryId)
        .query(
            (rs, row) ->
                new StoredDiscovery(
                    rs.getString("id"),
                    rs.getString("domain"),
                    rs.getString("source"),
                    rs.getString("migration_id"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    rs.getBoolean("awaiting_review"),
                    rs.getString("reviewed_by")))
        .optional();
  }

  /**
   * The administrator accepted the proposed batch: a migration may take the discovery now.
   *
   * @return false when the discovery is not awaiting review (unknown, or reviewed already)
   */
  public boolean accept(String discoveryId, String reviewedBy, Instant now) {
    return jdbc.sql(
                "UPDATE directory_discovery SET awaiting_review = FALSE, reviewed_by = :who,"
                    + " reviewed_at = :now WHERE id = :id AND awaiting_review = TRUE")
            .param("who", bounded(reviewedBy, 255))
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("id", discoveryId)
            .update()
        == 1;
  }

  /** Deletes a discovery no migration took, with its recipients; false when there is none. */
  public boolean discard(String discoveryId) {
    return jdbc.sql("DELETE FROM directory_discovery WHERE id = :id AND migration_id IS NULL")
            .param("id", discoveryId)
            .update()
        == 1;
  }

  /** The newest discovery of the domain that is accepted and that no migration took yet. */
  public Optional<String> newestUsable(String domain) {
    return jdbc
        .sql(
            "SELECT id FROM directory_discovery WHERE LOWER(domain) = LOWER(:domain) AND"
                + " migration_id IS NULL AND awaiting_review = FALSE ORDER BY created_at DESC,"
                + " id")
        .param("domain", domain)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  /** Leaves a proposed mailbox out of the batch, as the administrator decided in the review. */
  public void leaveOut(String recipientId) {
    exclude(recipientId, ExclusionReason.NOT_LISTED);
  }

  /** The entries a discovery found that are no recipients, and why. */
  public List<SkippedEntry> skipped(String discoveryId) {
    return jdbc.sql(
            "SELECT distinguished_name, name, reason FROM directory_skipped WHERE discovery_id ="
                + " :id ORDER BY position")
        .param("id", discoveryId)
        .query(
            (rs, row) ->
                new SkippedEntry(
                    rs.getString("distinguished_name"),
                    rs.getString("name"),
                    ExclusionReason.valueOf(rs.getString("reason"))))
        .list();
  }

  /** A discovery's recipients in the order the directory gave them. */
  public List<StoredRecipient> ofDiscovery(String discoveryId) {
    return load("discovery_id", discoveryId);
  }

  /** A migration's recipients: the discovery's it took, then those of its mailbox list. */
  public List<StoredRecipient> ofMigration(String migrationId) {
    return load("migration_id", migrationId);
  }

  /** Gives a discovery's recipients to a migration; false when another migration took it. */
  boolean claim(String discoveryId, String migrationId) {
    int claimed =
        jdbc.sql(
                "UPDATE directory_discovery SET migration_id = :migration WHERE id = :id AND"
                    + " migration_id IS NULL")
            .param("migration", migrationId)
            .param("id", discoveryId)
            .update();
    if (claimed != 1) {
      return false;
    }
    jdbc.sql("UPDATE recipient SET migration_id = :migration WHERE discovery_id = :id")
        .param("migration", migrationId)
        .param("id", discoveryId)
        .update();
    return true;
  }

  /** Adds a recipient of the migration (one its mailbox list names and no discovery had). */
  void add(String migrationId, int position, Recipient recipient) {
    insert(null, migrationId, position, recipient, null);
  }

  /** Adds aliases a recipient lacks; the position continues after its stored addresses. */
  void addAliases(StoredRecipient recipient, List<String> aliases) {
    int position = recipient.aliases().size() + recipient.x500().size();
    for (String alias : aliases) {
      insertAddress(recipient.id(), position++, "SMTP", alias);
    }
  }

  /** Records whether the recipient's mailbox is migrated (null) or why not. */
  void exclude(String recipientId, ExclusionReason reason) {
    jdbc.sql("UPDATE recipient SET excluded_reason = :reason WHERE id = :id")
        .param("reason", reason == null ? null : reason.name())
        .param("id", recipientId)
        .update();
  }

  /** Points each mailbox of the migration at the recipient with its address. */
  void linkMailboxes(String migrationId) {
    jdbc.sql(
            "UPDATE mailbox SET recipient_id = (SELECT MIN(r.id) FROM recipient r WHERE"
                + " r.migration_id = mailbox.migration_id AND LOWER(r.primary_address) ="
                + " LOWER(mailbox.email_address)) WHERE migration_id = :id")
        .param("id", migrationId)
        .update();
  }

  private void insert(
      String discoveryId,
      String migrationId,
      int position,
      Recipient recipient,
      ExclusionReason reason) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            "INSERT INTO recipient (id, discovery_id, migration_id, position, kind, display_name,"
                + " primary_address, legacy_exchange_dn, external_address, distinguished_name,"
                + " disabled, excluded_reason) VALUES (:id, :discovery, :migration, :position,"
                + " :kind, :name, :primary, :legacy, :external, :dn, :disabled, :reason)")
        .param("id", id)
        .param("discovery", discoveryId)
        .param("migration", migrationId)
        .param("position", position)
        .param("kind", recipient.kind().name())
        .param("name", bounded(recipient.displayName(), 256))
        .param("primary", recipient.primaryAddress())
        .param("legacy", bounded(recipient.legacyExchangeDn(), 1000))
        .param("external", bounded(recipient.externalAddress(), 320))
        .param("dn", bounded(recipient.distinguishedName(), 1000))
        .param("disabled", recipient.disabled())
        .param("reason", reason == null ? null : reason.name())
        .update();
    int address = 0;
    for (String alias : recipient.aliases()) {
      insertAddress(id, address++, "SMTP", alias);
    }
    for (String x500 : recipient.x500()) {
      insertAddress(id, address++, "X500", x500);
    }
    insertLinks(id, OWNER, recipient.owners());
    insertLinks(id, MEMBER, recipient.members());
  }

  private void insertAddress(String recipientId, int position, String type, String address) {
    jdbc.sql(
            "INSERT INTO recipient_address (recipient_id, position, type, address) VALUES (:id,"
                + " :position, :type, :address)")
        .param("id", recipientId)
        .param("position", position)
        .param("type", type)
        .param("address", bounded(address, 1000))
        .update();
  }

  private void insertLinks(String recipientId, String relation, List<String> addresses) {
    for (int position = 0; position < addresses.size(); position++) {
      jdbc.sql(
              "INSERT INTO recipient_link (recipient_id, relation, position, address) VALUES (:id,"
                  + " :relation, :position, :address)")
          .param("id", recipientId)
          .param("relation", relation)
          .param("position", position)
          .param("address", addresses.get(position))
          .update();
    }
  }

  /** Recipients with their addresses and links, in three queries rather than one per recipient. */
  private List<StoredRecipient> load(String column, String id) {
    Map<String, List<String>> aliases = new HashMap<>();
    Map<String, List<String>> x500 = new HashMap<>();
    jdbc.sql(
            "SELECT a.recipient_id, a.type, a.address FROM recipient_address a JOIN recipient r"
                + " ON r.id = a.recipient_id WHERE r."
                + column
                + " = :id ORDER BY a.recipient_id, a.position")
        .param("id", id)
        .query(
            rs -> {
              Map<String, List<String>> into = "X500".equals(rs.getString("type")) ? x500 : aliases;
              into.computeIfAbsent(rs.getString("recipient_id"), k -> new ArrayList<>())
                  .add(rs.getString("address"));
            });
    Map<String, List<String>> owners = new HashMap<>();
    Map<String, List<String>> members = new HashMap<>();
    jdbc.sql(
            "SELECT l.recipient_id, l.relation, l.address FROM recipient_link l JOIN recipient r"
                + " ON r.id = l.recipient_id WHERE r."
                + column
                + " = :id ORDER BY l.recipient_id, l.relation, l.position")
        .param("id", id)
        .query(
            rs -> {
              Map<String, List<String>> into =
                  OWNER.equals(rs.getString("relation")) ? owners : members;
              into.computeIfAbsent(rs.getString("recipient_id"), k -> new ArrayList<>())
                  .add(rs.getString("address"));
            });
    return jdbc.sql(
            "SELECT * FROM recipient WHERE "
                + column
                + " = :id ORDER BY CASE WHEN discovery_id IS NULL THEN 1 ELSE 0 END, position")
        .param("id", id)
        .query((rs, row) -> recipient(rs, aliases, x500, owners, members))
        .list();
  }

  private static StoredRecipient recipient(
      ResultSet rs,
      Map<String, List<String>> aliases,
      Map<String, List<String>> x500,
      Map<String, List<String>> owners,
      Map<String, List<String>> members)
      throws SQLException {
    String id = rs.getString("id");
    String reason = rs.getString("excluded_reason");
    return new StoredRecipient(
        id,
        RecipientKind.valueOf(rs.getString("kind")),
        rs.getString("display_name"),
        rs.getString("primary_address"),
        aliases.getOrDefault(id, List.of()),
        x500.getOrDefault(id, List.of()),
        rs.getString("legacy_exchange_dn"),
        rs.getString("external_address"),
        owners.getOrDefault(id, List.of()),
        members.getOrDefault(id, List.of()),
        rs.getBoolean("disabled"),
        reason == null ? null : ExclusionReason.valueOf(reason));
  }

  private static String bounded(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
