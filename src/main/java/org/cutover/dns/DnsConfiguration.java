package org.cutover.dns;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.cutover.dns.server.InProcessDnsServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** The DNS beans, from {@code cutover.dns.*}; bad addresses stop the start with their name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DnsProperties.class)
public class DnsConfiguration {

  @Bean
  DirectQuery dnsDirectQuery(DnsProperties properties) {
    return new DirectQuery(properties.timeout(), properties.udpAttempts());
  }

  @Bean
  DnsLookups dnsLookups(DirectQuery query, DnsProperties properties) {
    Resolvers resolvers = new Resolvers(servers(properties.resolvers(), "cutover.dns.resolvers"));
    List<NameServer> authoritative =
        servers(properties.authoritativeServers(), "cutover.dns.authoritative-servers");
    return new DnsLookups(query, new ZoneServers(query, resolvers, authoritative), resolvers);
  }

  @Bean
  DnsRunbookRules dnsRunbookRules(DnsProperties properties) {
    return new DnsRunbookRules(
        properties.maxMxTtl(),
        properties.autodiscoverLabel(),
        properties.autodiscoverTarget(),
        properties.autodiscoverTtl(),
        properties.spfInclude(),
        properties.newTxtTtl());
  }

  @Bean
  DnsRunbookSteps dnsRunbookSteps(
      DnsChangeJournal journal,
      DnsLookups lookups,
      DnsRunbookRules rules,
      ObjectProvider<Clock> clock) {
    return new DnsRunbookSteps(journal, lookups, rules, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  DnsZoneProviders dnsZoneProviders(ObjectProvider<DnsZoneProvider> providers) {
    return new DnsZoneProviders(providers.orderedStream().toList());
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnProperty(
      prefix = "cutover.dns.embedded-server",
      name = "enabled",
      havingValue = "true")
  InProcessDnsServer embeddedDnsServer(DnsProperties properties, ResourceLoader resources)
      throws IOException {
    DnsProperties.EmbeddedServer settings = properties.embeddedServer();
    String secret = settings.tsigSecret();
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "cutover.dns.embedded-server.tsig-secret is required when the embedded DNS server is"
              + " enabled (base64, e.g. from 'tsig-keygen')");
    }
    TsigKey key = new TsigKey(settings.tsigKeyName(), settings.tsigAlgorithm(), () -> secret);
    key.signer();
    InProcessDnsServer server =
        new InProcessDnsServer(
            InetAddress.getByName(settings.address()), settings.port(), List.of(key));
    for (DnsProperties.EmbeddedServer.Zone zone : settings.zones()) {
      Resource file = resources.getResource(zone.file());
      try (InputStream in = file.getInputStream()) {
        server.addZone(zone.name(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "Zone file "
                + zone.file()
                + " for "
                + zone.name()
                + " (cutover.dns.embedded-server.zones) cannot be read: "
                + e.getMessage(),
            e);
      }
    }
    return server;
  }

  private static List<NameServer> servers(List<String> texts, String property) {
    try {
      return texts.stream().map(NameServer::parse).toList();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
    }
  }
}
