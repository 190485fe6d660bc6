package org.cutover.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cutover.dns.DnsCredential;
import org.cutover.dns.DnsSettingProblem;
import org.cutover.dns.DnsZone;
import org.cutover.dns.DnsZoneProvider;
import org.cutover.dns.DnsZoneProviders;
import org.cutover.dns.DnsZoneSetting;
import org.cutover.dns.DnsZoneSettings;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.cutover.secrets.SecretUnavailable;
import org.springframework.stereotype.Component;

/**
 * A migration's automatic DNS settings and the {@link DnsZoneProvider} they name: checked when the
 * migration is registered ({@link #problems}), and the zone opened when a DNS step runs ({@link
 * #open}). Knows no provider by name; the credential is read only while a provider checks or uses
 * it.
 */
@Component
class MigrationDnsZones {

  private final DnsZoneProviders providers;
  private final SecretStore secrets;

  MigrationDnsZones(DnsZoneProviders providers, SecretStore secrets) {
    this.providers = providers;
    this.secrets = secrets;
  }

  /**
   * What stops the provider named in {@code dns} from working with these settings, each with its
   * JSON path from the request and a message in the current locale; empty for guided DNS. A stored
   * credential that cannot be read is left to the check of stored credentials.
   */
  List<SettingsProblem> problems(DnsSettings dns) {
    if (dns == null || dns.mode() != DnsMode.AUTOMATIC) {
      return List.of();
    }
    String names = String.join(", ", providers.names());
    if (dns.provider() == null) {
      return List.of(problem("provider", "cutover.dns.provider.missing", names));
    }
    if (!dns.provider().matches(SettingsPatterns.DNS_PROVIDER)) {
      return List.of(); // the pattern's own message says what is wrong
    }
    Optional<DnsZoneProvider> provider = providers.named(dns.provider());
    if (provider.isEmpty()) {
      return List.of(problem("provider", "cutover.dns.provider.unknown", names));
    }
    List<DnsSettingProblem> found;
    try {
      found =
          providers.problems(
              provider.get(), new DnsZoneSettings(dns.zone(), dns.server(), given(dns)));
    } catch (DnsCredential.Unreadable notStored) {
      return List.of();
    }
    boolean byId =
        (dns.credentials() == null || dns.credentials().isBlank()) && dns.credentialId() != null;
    List<SettingsProblem> problems = new ArrayList<>();
    for (DnsSettingProblem problem : found) {
      problems.add(
          new SettingsProblem(
              "$.dns." + property(problem.setting(), byId),
              RuleMessages.text(problem.messageKey(), problem.arguments().toArray())));
    }
    return problems;
  }

  /**
   * The zone of an automatic migration, for one DNS step.
   *
   * @throws StepNeedsAdministrator when the provider is not there or cannot use the stored settings
   */
  DnsZone open(StoredMigration migration, String zoneName) {
    String names = String.join(", ", providers.names());
    DnsZoneProvider provider =
        providers
            .named(migration.dnsProvider())
            .orElseThrow(
                () ->
                    new StepNeedsAdministrator(
                        "Migration "
                            + migration.id()
                            + ": DNS provider '"
                            + migration.dnsProvider()
                            + "' is not one this Cutover has ("
                            + names
                            + "); cancel the migration and register it again with one of these,"
                            + " or with guided DNS"));
    SecretRef stored = migration.dnsCredential();
    DnsZoneSettings settings =
        new DnsZoneSettings(
            zoneName, migration.dnsServer(), stored == null ? null : stored(stored, migration));
    List<DnsSettingProblem> problems;
    try {
      problems = providers.problems(provider, settings);
    } catch (DnsCredential.Unreadable unreadable) {
      throw new StepNeedsAdministrator(unreadable.getMessage(), unreadable);
    }
    if (!problems.isEmpty()) {
      List<String> texts = new ArrayList<>();
      for (DnsSettingProblem problem : problems) {
        texts.add(
            "dns."
                + property(problem.setting(), true)
                + ": "
                + RuleMessages.text(
                    Locale.ENGLISH, problem.messageKey(), problem.arguments().toArray()));
      }
      throw new StepNeedsAdministrator(
          "Migration "
              + migration.id()
              + ": DNS provider "
              + provider.name()
              + " cannot use the stored settings ("
              + String.join("; ", texts)
              + "); cancel the migration and register it again with them corrected, or with"
              + " guided DNS");
    }
    return provider.open(settings);
  }

  /** The credential of a request: the secret given with it, else the stored one it names. */
  private DnsCredential given(DnsSettings dns) {
    SecretText secret = dns.credentials();
    if (secret != null && !secret.isBlank()) {
      return () -> new String(secret.reveal());
    }
    String id = dns.credentialId();
    if (id == null || !SecretRef.isWellFormed(id.strip())) {
      return null;
    }
    SecretRef ref = dns.credentialRef();
    return () -> {
      try {
        return secrets.getString(ref);
      } catch (SecretUnavailable e) {
        throw new DnsCredential.Unreadable("credential " + ref.id() + " cannot be read");
      }
    };
  }

  private DnsCredential stored(SecretRef ref, StoredMigration migration) {
    return () -> {
      try {
        return secrets.getString(ref);
      } catch (SecretUnavailable e) {
        throw new DnsCredential.Unreadable(
            "Migration "
                + migration.id()
                + ": the stored DNS credential cannot be read (deleted, or stored with another"
                + " cutover.secrets key); restore the key Cutover ran with, or cancel the migration"
                + " and register it again");
      }
    };
  }

  private static String property(DnsZoneSetting setting, boolean byId) {
    return switch (setting) {
      case SERVER -> "server";
      case CREDENTIAL -> byId ? "credentialId" : "credentials";
    };
  }

  private static SettingsProblem problem(String property, String key, String argument) {
    return new SettingsProblem("$.dns." + property, RuleMessages.text(key, argument));
  }
}
