package org.cutover.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cutover.dns.DnsMigration;
import org.cutover.dns.DnsRunbookSteps;
import org.cutover.dns.DnsZone;
import org.cutover.dns.GuidedZone;
import org.cutover.dns.MxPropagationCheck;
import org.cutover.dns.MxTarget;
import org.cutover.dns.StepResult;
import org.cutover.dns.TxtCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The runbook's DNS steps on the migration's own zone: each call reads the stored migration, builds
 * its zone (guided, or through the DNS provider it names, see {@link MigrationDnsZones}) and, where
 * a step needs them, asks the target for the records to publish; then runs the step of {@link
 * DnsRunbookSteps} itself and answers its result, throwing what needs the administrator or a retry
 * (see {@link DnsRunbook}). The stored credential is read only during the call that needs it and
 * never appears in a log line or a message.
 */
@Component
class ZoneDnsRunbook implements DnsRunbook {

  private static final Logger log = LoggerFactory.getLogger(ZoneDnsRunbook.class);

  private final MigrationStore store;
  private final DnsRunbookSteps steps;
  private final MigrationDnsZones zones;
  private final ObjectProvider<TargetTenant> target;
  private final DnsStepLock lock;

  ZoneDnsRunbook(
      MigrationStore store,
      DnsRunbookSteps steps,
      MigrationDnsZones zones,
      ObjectProvider<TargetTenant> target,
      DnsStepLock lock) {
    this.store = store;
    this.steps = steps;
    this.zones = zones;
    this.target = target;
    this.lock = lock;
  }

  @Override
  public TxtCheck verifyDomainTxt(String migrationId) {
    StoredMigration migration = migration(migrationId);
    TargetDnsRecords records;
    try {
      records = targetRecords(migration);
    } catch (DomainNotVerifiedYet notYet) {
      // The target names its records only once it has verified the domain; until then the TXT
      // record it verifies by is what the runbook waits for, on its timer loop.
      TxtCheck check = steps.txt().verifyDomainTxt(dns(migration, null, notYet.verificationText()));
      String detail =
          check.found()
              ? check.detail()
                  + "; the target has not verified the domain yet and is asked again on the next"
                  + " try"
              : check.detail();
      return new TxtCheck(false, detail);
    }
    if (records.verificationText() == null || records.verificationText().isBlank()) {
      return new TxtCheck(
          true,
          "The target verifies no domain ownership of "
              + migration.summary().domain()
              + "; there is no TXT record to look up");
    }
    return steps.txt().verifyDomainTxt(dns(migration, records));
  }

  @Override
  public String planChanges(String migrationId) {
    StoredMigration migration = migration(migrationId);
    String domain = migration.summary().domain();
    TargetDnsRecords records = null;
    try {
      records = targetRecords(migration);
    } catch (DomainNotVerifiedYet notYet) {
      // the plan is still shown; the lines that need the target's records say they are missing
    }
    DnsMigration plain = dns(migration, null);
    List<String> lines = new ArrayList<>();
    lines.add(steps.plan().mxTtl(plain));
    if (records != null) {
      lines.add(steps.plan().swapMx(dns(migration, records)));
    } else {
      lines.add(
          steps.plan().swapMx(plain)
              + "; the target has not verified "
              + domain
              + " yet, so it names its mail exchangers only once it has");
    }
    if (migration.autodiscoverTarget() != null) {
      lines.add(steps.plan().autodiscover(dns(migration, records)));
    } else if (records == null) {
      lines.add(
          "Autodiscover of "
              + domain
              + ": the target names its Autodiscover target once it has verified the domain");
    } else if (records.autodiscoverTarget() == null || records.autodiscoverTarget().isBlank()) {
      lines.add("Autodiscover of " + domain + ": no record needed, unchanged");
    } else {
      lines.add(steps.plan().autodiscover(dns(migration, records)));
    }
    if (migration.targetType() != TargetType.MICROSOFT_365 && migration.spfInclude() == null) {
      lines.add("SPF of " + domain + ": no change needed, unchanged");
    } else {
      lines.add(steps.plan().spf(plain));
    }
    log.info("Migration {}: planned {} DNS record sets", migrationId, lines.size());
    return String.join("\n", lines.stream().map(line -> "- " + line).toList());
  }

  @Override
  public StepResult lowerMxTtl(String migrationId) {
    StoredMigration migration = migration(migrationId);
    lock.holdUntilCommit(migrationId);
    return outcome(migrationId, "Lower MX TTL", steps.mx().lowerMxTtl(dns(migration, null)));
  }

  @Override
  public StepResult swapMx(String migrationId) {
    StoredMigration migration = migration(migrationId);
    lock.holdUntilCommit(migrationId);
    DnsMigration dns = dns(migration, targetRecords(migration));
    return outcome(migrationId, "Swap MX records", steps.mx().swapMx(dns));
  }

  @Override
  public Optional<Instant> mxSwitchedAt(String migrationId) {
    migration(migrationId);
    return steps.mx().switchedAt(migrationId);
  }

  @Override
  public MxPropagationCheck verifyMxPropagation(String migrationId) {
    StoredMigration migration = migration(migrationId);
    return steps
        .mx()
        .verifyMxPropagation(
            dns(migration, targetRecords(migration)),
            Optional.ofNullable(migration.mxSwitchedAt()));
  }

  @Override
  public StepResult createAutodiscover(String migrationId) {
    StoredMigration migration = migration(migrationId);
    lock.holdUntilCommit(migrationId);
    TargetDnsRecords records = null;
    if (migration.autodiscoverTarget() == null) {
      records = targetRecords(migration);
      if (records.autodiscoverTarget() == null || records.autodiscoverTarget().isBlank()) {
        return new StepResult.Done(
            "Neither the target nor the migration's settings name an Autodiscover target for "
                + migration.summary().domain()
                + "; no Autodiscover record is needed");
      }
    }
    return outcome(
        migrationId,
        "Create Autodiscover CNAME",
        steps.autodiscover().createAutodiscover(dns(migration, records)));
  }

  @Override
  public StepResult publishSpf(String migrationId) {
    StoredMigration migration = migration(migrationId);
    lock.holdUntilCommit(migrationId);
    if (migration.targetType() != TargetType.MICROSOFT_365 && migration.spfInclude() == null) {
      return new StepResult.Done(
          "No SPF change needed: the "
              + migration.targetType()
              + " target sends no mail for "
              + migration.summary().domain()
              + " and the migration's settings give no SPF include");
    }
    return outcome(
        migrationId, "Publish SPF for the target", steps.spf().mergeSpf(dns(migration, null)));
  }

  @Override
  public StepResult restoreMxTtl(String migrationId) {
    StoredMigration migration = migration(migrationId);
    lock.holdUntilCommit(migrationId);
    return outcome(migrationId, "Restore MX TTL", steps.mx().restoreMxTtl(dns(migration, null)));
  }

  @Override
  public StepResult rollback(String migrationId) {
    StoredMigration migration = migration(migrationId);
    lock.holdUntilCommit(migrationId);
    if (!steps.rollback().anythingToUndo(migrationId)) {
      // Without a change to undo the zone is not touched: its settings may be what failed.
      return new StepResult.Done("No DNS change of migration " + migrationId + " left to undo");
    }
    return outcome(
        migrationId, "Roll back DNS changes", steps.rollback().rollback(dns(migration, null)));
  }

  // ---------------------------------------------------------------- the migration's zone

  private StoredMigration migration(String migrationId) {
    return store.find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
  }

  /** What the target asks the domain to publish; fails when no target is configured. */
  private TargetDnsRecords targetRecords(StoredMigration migration) {
    TargetTenant tenant = target.getIfAvailable();
    if (tenant == null) {
      throw new StepNeedsAdministrator(
          "Migration "
              + migration.id()
              + ": the DNS records the target needs cannot be known: "
              + Capability.TARGET.describeMissing());
    }
    return tenant.dnsRecords(migration.id());
  }

  /** The DNS steps' view of the migration; {@code records} null where the step needs none. */
  private DnsMigration dns(StoredMigration migration, TargetDnsRecords records) {
    return dns(migration, records, records == null ? null : records.verificationText());
  }

  private DnsMigration dns(
      StoredMigration migration, TargetDnsRecords records, String verificationText) {
    String domain = migration.summary().domain();
    String zoneName = migration.dnsZone() != null ? migration.dnsZone() : domain;
    List<MxTarget> mx = new ArrayList<>();
    String verification = verificationText;
    String autodiscover = migration.autodiscoverTarget();
    try {
      if (records != null) {
        for (TargetDnsRecords.MailExchanger exchanger : records.mailExchangers()) {
          mx.add(new MxTarget(exchanger.preference(), exchanger.host()));
        }
        if (autodiscover == null) {
          autodiscover = records.autodiscoverTarget();
        }
      }
      return new DnsMigration(
          migration.id(),
          domain,
          zone(migration, zoneName),
          verification,
          mx,
          migration.autodiscoverOverwriteConsent(),
          List.of(),
          autodiscover,
          migration.spfInclude(),
          Duration.ofSeconds(migration.maxMxTtl()));
    } catch (IllegalArgumentException e) {
      throw new StepNeedsAdministrator(
          "Migration " + migration.id() + ": the DNS settings cannot be used: " + e.getMessage(),
          e);
    }
  }

  private DnsZone zone(StoredMigration migration, String zoneName) {
    if (migration.dnsMode() == DnsMode.GUIDED) {
      return new GuidedZone(zoneName, steps.lookups());
    }
    return zones.open(migration, zoneName);
  }

  // ---------------------------------------------------------------- results

  /**
   * Done, HumanChangeNeeded and NotYet are the step's answer; NeedsAdministrator and Unavailable
   * become the failures the process turns into an incident and a retry.
   */
  static StepResult outcome(String migrationId, String step, StepResult result) {
    if (result instanceof StepResult.NeedsAdministrator needs) {
      throw new StepNeedsAdministrator(
          "Migration " + migrationId + ", " + step + ": " + needs.reason());
    }
    if (result instanceof StepResult.Unavailable unavailable) {
      throw new TransientStepFailure(
          "Migration " + migrationId + ", " + step + ": " + unavailable.reason());
    }
    return result;
  }
}
