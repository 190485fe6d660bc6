package org.cutover.migration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cutover.dns.DnsZoneProviders;
import org.cutover.dns.cloudflare.CloudflareSettings;
import org.cutover.dns.cloudflare.CloudflareZoneProvider;
import org.cutover.dns.rfc2136.Rfc2136ZoneProvider;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;

/** Valid migration settings to start tests from; each test changes what it is about. */
public final class MigrationSamples {

  public static final String SOURCE_PASSWORD = "S0urce-Admin-Pa55!";
  public static final String CLIENT_SECRET = "cl1ent~Secret.Value";
  public static final String DNS_KEY = "hmac-sha256:cutover-key:c2VjcmV0LWRucy1rZXk=";

  /** The servers users set up, as configuration gives them to every migration of the tests. */
  public static final org.cutover.migration.letters.ClientSettings USERS_SERVERS =
      new org.cutover.migration.letters.ClientSettings(
          "imap.newmail.test", null, null, "smtp.newmail.test", null, null, null, null, null, null);

  private MigrationSamples() {}

  /** The DNS providers Cutover comes with, as the application has them. */
  static DnsZoneProviders dnsProviders() {
    return new DnsZoneProviders(
        List.of(
            new Rfc2136ZoneProvider(Duration.ofSeconds(5)),
            new CloudflareZoneProvider(CloudflareSettings.defaults())));
  }

  /** The settings rules with the providers Cutover comes with. */
  static SettingsValidation validation(
      jakarta.validation.Validator validator, SecretStore secrets) {
    return new SettingsValidation(
        validator,
        new MigrationDnsZones(dnsProviders(), secrets),
        new org.cutover.migration.letters.MailClientDefaults(
            new org.cutover.migration.letters.UserLetterSettings(USERS_SERVERS, true)));
  }

  public static NewMigration valid() {
    return withMailboxes(mailboxes(3));
  }

  public static NewMigration withMailboxes(List<MailboxEntry> mailboxes) {
    return new NewMigration(
        "contoso.com",
        "contoso-wave-1",
        mailboxes,
        source(SecretText.of(SOURCE_PASSWORD), null),
        new TargetSettings(
            TargetType.MICROSOFT_365,
            "contoso.onmicrosoft.com",
            "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            SecretText.of(CLIENT_SECRET),
            null,
            "EXCHANGESTANDARD",
            "DK",
            null,
            null),
        new DnsSettings(
            DnsMode.AUTOMATIC,
            "rfc2136",
            "contoso.com",
            "ns1.contoso.com",
            SecretText.of(DNS_KEY),
            null,
            null,
            null,
            null,
            null),
        "en",
        false,
        null);
  }

  public static ImapEndpoint source(SecretText password, String credentialId) {
    return new ImapEndpoint(
        "mail.contoso.com",
        null,
        ConnectionSecurity.IMPLICIT_TLS,
        false,
        ImapAuth.DELEGATED_ADMIN,
        "migration-admin@contoso.com",
        password,
        credentialId,
        "user0@contoso.com",
        null);
  }

  public static List<MailboxEntry> mailboxes(int count) {
    List<MailboxEntry> mailboxes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      mailboxes.add(new MailboxEntry("user" + i + "@contoso.com", null, "User " + i));
    }
    return mailboxes;
  }
}
