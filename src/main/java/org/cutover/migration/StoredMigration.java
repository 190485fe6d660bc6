package org.cutover.migration;

import java.time.Instant;
import org.cutover.secrets.SecretRef;

/** A migration's stored settings and state; credentials appear only as references. */
public record StoredMigration(
    MigrationSummary summary,
    String language,
    boolean autoStartBatch,
    TargetType targetType,
    String tenantId,
    String clientId,
    SecretRef clientSecret,
    String licenceSku,
    String usageLocation,
    DnsMode dnsMode,
    String dnsProvider,
    String dnsZone,
    String dnsServer,
    SecretRef dnsCredential,
    int maxMxTtl,
    String autodiscoverTarget,
    boolean autodiscoverOverwriteConsent,
    String spfInclude,
    DurationOverrides durationOverrides,
    String processInstanceId,
    Instant mxSwitchedAt) {

  public String id() {
    return summary.id();
  }
}
