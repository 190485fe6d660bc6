package org.cutover.migration;

import org.cutover.dns.DnsZoneProviders;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * For test slices that register migrations: the DNS providers Cutover comes with, and the DNS
 * settings rules that use them ({@link MigrationDnsZones}, which needs a {@code SecretStore}).
 */
@TestConfiguration
@Import(MigrationDnsZones.class)
public class BuiltInDnsProviders {

  @Bean
  DnsZoneProviders dnsZoneProviders() {
    return MigrationSamples.dnsProviders();
  }
}
