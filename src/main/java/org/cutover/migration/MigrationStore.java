package org.cutover.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cutover.secrets.SecretRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Migrations, their endpoints and mailboxes in tables {@code migration}, {@code endpoint}, {@code
 * mailbox}.
 */
@Repository
public class MigrationStore implements RunbookClaims {

  private static final String SUMMARY_COLUMNS =
      "id, domain, batch_name, phase, batch_status, created_at";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  MigrationStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * The credentials of a new migration, as references to stored secrets: the endpoints', and each
   * mailbox's own (in the order of the mailbox list; empty when none has any).
   */
  record Credentials(
      SecretRef source,
      SecretRef clientSecret,
      SecretRef targetEndpoint,
      SecretRef dns,
      List<UserPasswords> mailboxes) {

    Credentials(SecretRef source, SecretRef clientSecret, SecretRef targetEndpoint, SecretRef dns) {
      this(source, clientSecret, targetEndpoint, dns, List.of());
    }

    UserPasswords of(int position) {
      return position < mailboxes.size() ? mailboxes.get(position) : UserPasswords.NONE;
    }
  }

  /** One mailbox's own stored passwords at the source and the target (each may be null). */
  record UserPasswords(SecretRef source, SecretRef target) {
    static final UserPasswords NONE = new UserPasswords(null, null);
  }

  String insert(NewMigration settings, Credentials credentials, Instant now) {
    String id = UUID.randomUUID().toString();
    TargetSettings target = settings.target();
    DnsSettings dns = settings.dns();
    boolean microsoft365 = target.type() == TargetType.MICROSOFT_365;
    boolean automaticDns = dns.mode() == DnsMode.AUTOMATIC;
    jdbc.sql(
            "INSERT INTO migration (id, domain, batch_name, phase, batch_status, language,"
                + " auto_start_batch, target_type, tenant_id, client_id, client_secret_id,"
                + " licence_sku, usage_location, dns_mode, dns_provider, dns_zone, dns_server,"
                + " dns_credential_id, max_mx_ttl, autodiscover_target,"
                + " autodiscover_overwrite_consent, spf_include, duration_overrides, created_at,"
                + " updated_at) VALUES (:id, :domain, :batchName, :phase, :batchStatus, :language,"
                + " :autoStart, :targetType, :tenantId, :clientId, :clientSecret, :licenceSku,"
                + " :usageLocation, :dnsMode, :dnsProvider, :dnsZone, :dnsServer, :dnsCredential,"
                + " :maxMxTtl, :autodiscover, :autodiscoverConsent, :spfInclude, :durations, :now,"
                + " :now)")
        .param("id", id)
        .param("domain", settings.domain())
        .param("batchName", settings.batchName())
        .param("phase", MigrationPhase.PREPARING.name())
        .param("batchStatus", BatchStatus.NOT_CREATED.name())
        .param("language", settings.language())
        .param("autoStart", settings.autoStartBatch())
        .param("targetType", target.type().name())
        .param("tenantId", microsoft365 ? target.tenantId() : null)
        .param("clientId", microsoft365 ? target.clientId() : null)
        .param("clientSecret", idOf(credentials.clientSecret()))
        .param("licenceSku", microsoft365 ? target.licenceSku() : null)
        .param("usageLocation", microsoft365 ? target.usageLocation() : null)
        .param("dnsMode", dns.mode().name())
        .param("dnsProvider", automaticDns ? dns.provider() : null)
        .param("dnsZone", dns.zone())
        .param("dnsServer", automaticDns ? dns.server() : null)
        .param("dnsCredential", idOf(credentials.dns()))
        .param("maxMxTtl", dns.maxMxTtl())
        .param("autodiscover", settings.autodiscoverTarget())
        .param("autodiscoverConsent", dns.autodiscoverOverwriteConsent())
        .param("spfInclude", dns.spfInclude())
        .param("durations", settings.durations().toText())
        .param("now", utc(now))
        .update();
    insertEndpoint(id, EndpointRole.SOURCE, settings.source(), credentials.source());
    if (!microsoft365) {
      insertEndpoint(id, EndpointRole.TARGET, target.endpoint(), credentials.targetEndpoint());
      insertMxHosts(id, target.mailExchangers());
    }
    List<MailboxEntry> mailboxes = settings.mailboxes();
    List<Object[]> rows = new ArrayList<>(mailboxes.size());
    for (int position = 0; position < mailboxes.size(); position++) {
      MailboxEntry mailbox = mailboxes.get(position);
      UserPasswords own = credentials.of(position);
      rows.add(
          new Object[] {
            UUID.randomUUID().toString(),
            id,
            position,
            mailbox.emailAddress(),
            mailbox.sourceLogin(),
            mailbox.displayName(),
            MailboxStatus.QUEUED.name(),
            utc(now),
            microsoft365 ? null : mailbox.targetLogin(),
            idOf(own.source()),
            microsoft365 ? null : idOf(own.target())
          });
    }
    batch.batchUpdate(
        "INSERT INTO mailbox (id, migration_id, position, email_address, source_login,"
            + " display_name, status, messages_copied, flags_updated, messages_skipped,"
            + " bytes_copied, updated_at, target_login, source_credential_id,"
            + " target_credential_id) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?)",
        rows);
    return id;
  }

  private void insertEndpoint(
      String migrationId, EndpointRole role, ImapEndpoint endpoint, SecretRef credential) {
    jdbc.sql(
            "INSERT INTO endpoint (id, migration_id, role, host, port, security, allow_plaintext,"
                + " auth, admin_user, credential_id, test_mailbox, max_concurrent_mailboxes,"
                + " mailbox_name, allow_legacy_tls, token_url, token_client_id, token_scope,"
                + " status) VALUES (:id, :migrationId, :role, :host, :port, :security,"
                + " :allowPlaintext, :auth, :adminUser, :credential, :testMailbox,"
                + " :maxConcurrent, :mailboxName, :allowLegacyTls, :tokenUrl, :tokenClientId,"
                + " :tokenScope, 'NEW')")
        .param("id", UUID.randomUUID().toString())
        .param("migrationId", migrationId)
        .param("role", role.name())
        .param("host", endpoint.host())
        .param("port", endpoint.port())
        .param("security", endpoint.security().name())
        .param("allowPlaintext", endpoint.allowPlaintext())
        .param("auth", endpoint.auth().name())
        .param("adminUser", endpoint.adminUser())
        .param("credential", idOf(credential))
        .param("testMailbox", endpoint.testMailbox())
        .param("maxConcurrent", endpoint.maxConcurrentMailboxes())
        .param("mailboxName", endpoint.mailboxName().name())
        .param("allowLegacyTls", endpoint.allowLegacyTls())
        .param(
            "tokenUrl", endpoint.tokenSource() == null ? null : endpoint.tokenSource().tokenUrl())
        .param(
            "tokenClientId",
            endpoint.tokenSource() == null ? null : endpoint.tokenSource().clientId())
        .param("tokenScope", endpoint.tokenSource() == null ? null : endpoint.tokenSource().scope())
        .update();
  }

  private void insertMxHosts(String migrationId, List<TargetDnsRecords.MailExchanger> hosts) {
    for (int position = 0; position < hosts.size(); position++) {
      jdbc.sql(
              "INSERT INTO target_mx_host (migration_id, position, preference, host) VALUES"
                  + " (:migrationId, :position, :preference, :host)")
          .param("migrationId", migrationId)
          .param("position", position)
          .param("preference", hosts.get(position).preference())
          .param("host", hosts.get(position).host())
          .update();
    }
  }

  /** An IMAP target's mail exchangers as its settings gave them; empty for Microsoft 365. */
  public List<TargetDnsRecords.MailExchanger> targetMxHosts(String migrationId) {
    return jdbc.sql(
            "SELECT preference, host FROM target_mx_host WHERE migration_id = :id ORDER BY"
                + " position")
        .param("id", migrationId)
        .query(
            (rs, row) ->
                new TargetDnsRecords.MailExchanger(rs.getInt("preference"), rs.getString("host")))
        .list();
  }

  /**
   * Replaces the stored credential a running migration signs in with at one side: the endpoint's
   * password or token, or, for a Microsoft 365 target, the app's client secret.
   *
   * @return false when the migration no longer holds a credential there (its batch was deleted)
   * @throws MigrationNotFound when there is no such migration
   */
  public boolean replaceCredential(
      String migrationId, EndpointRole role, org.cutover.secrets.SecretRef credential) {
    StoredMigration migration =
        find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
    if (role == EndpointRole.TARGET && migration.targetType() == TargetType.MICROSOFT_365) {
      return jdbc.sql(
                  "UPDATE migration SET client_secret_id = :cred WHERE id = :id"
                      + " AND client_secret_id IS NOT NULL")
              .param("cred", credential.id())
              .param("id", migrationId)
              .update()
          == 1;
    }
    return jdbc.sql(
                "UPDATE endpoint SET credential_id = :cred WHERE migration_id = :id AND role = :role"
                    + " AND credential_id IS NOT NULL")
            .param("cred", credential.id())
            .param("id", migrationId)
            .param("role", role.name())
            .update()
        == 1;
  }

  /** Records the runbook's process instance once it is started. */
  public void recordProcessInstance(String migrationId, String processInstanceId) {
    int updated =
        jdbc.sql("UPDATE migration SET process_instance_id = :pid WHERE id = :id")
            .param("pid", processInstanceId)
            .param("id", migrationId)
            .update();
    if (updated == 0) {
      throw MigrationNotFound.migration(migrationId);
    }
  }

  @Override
  public boolean exists(String migrationId) {
    return find(migrationId).isPresent();
  }

  @Override
  public Optional<String> runbookOf(String migrationId) {
    return find(migrationId).map(StoredMigration::processInstanceId);
  }

  /**
   * One conditional update: of two starts at once, the second waits for the first's row lock and
   * then finds the instance recorded.
   */
  @Override
  public boolean claimRunbook(String migrationId, String processInstanceId) {
    return jdbc.sql(
                "UPDATE migration SET process_instance_id = :pid WHERE id = :id AND"
                    + " process_instance_id IS NULL")
            .param("pid", processInstanceId)
            .param("id", migrationId)
            .update()
        == 1;
  }

  /** All migrations, newest first. */
  public List<MigrationSummary> list() {
    return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM migration ORDER BY created_at DESC, id")
        .query(MigrationStore::summary)
        .list();
  }

  public Optional<StoredMigration> find(String migrationId) {
    return jdbc.sql("SELECT * FROM migration WHERE id = :id")
        .param("id", migrationId)
        .query(MigrationStore::migration)
        .optional();
  }

  /** The migration's mailboxes in the order they were given. */
  public List<MailboxState> mailboxes(String migrationId) {
    return jdbc.sql("SELECT * FROM mailbox WHERE migration_id = :id ORDER BY position")
        .param("id", migrationId)
        .query(MigrationStore::mailbox)
        .list();
  }

  /** The progress each mailbox's running or last pass wrote, by mailbox id. */
  public java.util.Map<String, MailboxProgress> progress(String migrationId) {
    java.util.Map<String, MailboxProgress> progress = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT id, pass_folders_done, pass_folders_total, pass_messages_copied,"
                + " pass_messages_to_copy, pass_bytes_copied, pass_bytes_to_copy,"
                + " last_sync_started_at, pass_progress_at FROM mailbox WHERE migration_id = :id"
                + " AND pass_progress_at IS NOT NULL")
        .param("id", migrationId)
        .query(
            rs -> {
              progress.put(
                  rs.getString("id"),
                  new MailboxProgress(
                      rs.getInt("pass_folders_done"),
                      rs.getInt("pass_folders_total"),
                      rs.getLong("pass_messages_copied"),
                      rs.getLong("pass_messages_to_copy"),
                      rs.getLong("pass_bytes_copied"),
                      rs.getLong("pass_bytes_to_copy"),
                      instant(rs, "last_sync_started_at"),
                      instant(rs, "pass_progress_at")));
            });
    return progress;
  }

  public Optional<MailboxState> mailbox(String mailboxId) {
    return jdbc.sql("SELECT * FROM mailbox WHERE id = :id")
        .param("id", mailboxId)
        .query(MigrationStore::mailbox)
        .optional();
  }

  /** The migration's source endpoint, or its IMAP target's. */
  public Optional<StoredEndpoint> endpoint(String migrationId, EndpointRole role) {
    return jdbc.sql("SELECT * FROM endpoint WHERE migration_id = :id AND role = :role")
        .param("id", migrationId)
        .param("role", role.name())
        .query(MigrationStore::endpoint)
        .optional();
  }

  /** A migration of the domain that has not completed or been cancelled, if any. */
  Optional<MigrationSummary> unfinishedFor(String domain) {
    return jdbc
        .sql(
            "SELECT "
                + SUMMARY_COLUMNS
                + " FROM migration WHERE domain = :domain AND phase NOT IN ('COMPLETED',"
                + " 'CANCELLED') ORDER BY created_at")
        .param("domain", domain)
        .query(MigrationStore::summary)
        .stream()
        .findFirst();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static String idOf(SecretRef ref) {
    return ref == null ? null : ref.id();
  }

  private static SecretRef ref(ResultSet rs, String column) throws SQLException {
    String id = rs.getString(column);
    return id == null ? null : new SecretRef(id);
  }

  private static MigrationSummary summary(ResultSet rs, int row) throws SQLException {
    return new MigrationSummary(
        rs.getString("id"),
        rs.getString("domain"),
        rs.getString("batch_name"),
        MigrationPhase.valueOf(rs.getString("phase")),
        BatchStatus.valueOf(rs.getString("batch_status")),
        instant(rs, "created_at"));
  }

  private static StoredMigration migration(ResultSet rs, int row) throws SQLException {
    return new StoredMigration(
        summary(rs, row),
        rs.getString("language"),
        rs.getBoolean("auto_start_batch"),
        TargetType.valueOf(rs.getString("target_type")),
        rs.getString("tenant_id"),
        rs.getString("client_id"),
        ref(rs, "client_secret_id"),
        rs.getString("licence_sku"),
        rs.getString("usage_location"),
        DnsMode.valueOf(rs.getString("dns_mode")),
        rs.getString("dns_provider"),
        rs.getString("dns_zone"),
        rs.getString("dns_server"),
        ref(rs, "dns_credential_id"),
        rs.getInt("max_mx_ttl"),
        rs.getString("autodiscover_target"),
        rs.getBoolean("autodiscover_overwrite_consent"),
        rs.getString("spf_include"),
        DurationOverrides.fromText(rs.getString("duration_overrides")),
        rs.getString("process_instance_id"),
        instant(rs, "mx_switched_at"));
  }

  static MailboxState mailbox(ResultSet rs, int row) throws SQLException {
    return new MailboxState(
        rs.getString("id"),
        rs.getString("migration_id"),
        rs.getString("email_address"),
        rs.getString("source_login"),
        rs.getString("display_name"),
        MailboxStatus.valueOf(rs.getString("status")),
        instant(rs, "last_successful_sync"),
        rs.getLong("messages_copied"),
        rs.getLong("flags_updated"),
        rs.getLong("messages_skipped"),
        rs.getLong("bytes_copied"),
        rs.getString("last_error"),
        rs.getString("target_login"),
        ref(rs, "source_credential_id"),
        ref(rs, "target_credential_id"));
  }

  private static StoredEndpoint endpoint(ResultSet rs, int row) throws SQLException {
    return new StoredEndpoint(
        rs.getString("migration_id"),
        EndpointRole.valueOf(rs.getString("role")),
        rs.getString("host"),
        rs.getInt("port"),
        ConnectionSecurity.valueOf(rs.getString("security")),
        rs.getBoolean("allow_plaintext"),
        ImapAuth.valueOf(rs.getString("auth")),
        rs.getString("admin_user"),
        ref(rs, "credential_id"),
        rs.getString("test_mailbox"),
        rs.getInt("max_concurrent_mailboxes"),
        rs.getString("status"),
        instant(rs, "tested_at"),
        MailboxName.valueOf(rs.getString("mailbox_name")),
        rs.getBoolean("allow_legacy_tls"),
        rs.getString("token_url") == null
            ? null
            : new ImapEndpoint.TokenSource(
                rs.getString("token_url"),
                rs.getString("token_client_id"),
                rs.getString("token_scope")));
  }
}
