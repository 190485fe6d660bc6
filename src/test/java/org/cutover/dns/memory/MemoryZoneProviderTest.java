package org.cutover.dns.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.StepResult;
import org.cutover.migration.DnsMode;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.DnsSettings;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.MigrationSamples;
import org.cutover.migration.NewMigration;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.SettingsProblem;
import org.cutover.migration.TargetDnsRecords;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.process.RunbookControl;
import org.cutover.secrets.SecretText;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A DNS provider added as one class: {@link MemoryZoneProvider} is a bean of this test's context
 * and nothing else in Cutover names it. A migration registered with {@code dns.provider} "memory"
 * passes the settings rules and the runbook's DNS steps change its zone, with the credential stored
 * at registration.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({MemoryZoneProvider.class, MemoryZoneProviderTest.Time.class})
class MemoryZoneProviderTest {

  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  static final String TOKEN = "memory-token-4711";
  static final String TARGET_MX = "contoso-com.mail.protection.outlook.com.";

  @TestConfiguration
  static class Time {
    @Bean
    MutableClock clock() {
      return new MutableClock(START);
    }
  }

  @MockitoBean RunbookControl runbook;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;

  @Autowired MemoryZoneProvider memory;
  @Autowired MigrationRegistration registration;
  @Autowired DnsRunbook dns;
  @Autowired MutableClock clock;

  static RecordSet mx(long ttl, String... hosts) {
    return RecordSet.of("contoso.com", RecordType.MX, ttl, hosts);
  }

  @BeforeEach
  void serveTheZone() {
    clock.set(START);
    memory.serve(
        "contoso.com",
        TOKEN,
        mx(86400, "10 mail.contoso.com."),
        RecordSet.of("contoso.com", RecordType.TXT, 3600, "v=spf1 mx -all"),
        RecordSet.of("autodiscover.contoso.com", RecordType.A, 3600, "192.0.2.80"));
    when(target.dnsRecords(any()))
        .thenReturn(
            new TargetDnsRecords(
                null,
                List.of(new TargetDnsRecords.MailExchanger(0, TARGET_MX)),
                "autodiscover.outlook.com"));
  }

  static NewMigration withDns(String provider, String credential) {
    NewMigration sample = MigrationSamples.valid();
    return new NewMigration(
        sample.domain(),
        sample.batchName(),
        sample.mailboxes(),
        sample.source(),
        sample.target(),
        new DnsSettings(
            DnsMode.AUTOMATIC,
            provider,
            "contoso.com",
            null,
            credential == null ? null : SecretText.of(credential),
            null,
            null,
            null,
            true,
            null),
        "en",
        false,
        null);
  }

  @Test
  void runsEveryDnsStepOfAMigrationThroughTheProviderItNames() {
    String id = registration.register(withDns("memory", TOKEN)).migrationId();

    assertThat(dns.lowerMxTtl(id)).isInstanceOf(StepResult.Done.class);
    assertThat(memory.held("contoso.com", "contoso.com", RecordType.MX))
        .contains(mx(3600, "10 mail.contoso.com."));
    clock.advance(Duration.ofSeconds(86400));
    assertThat(dns.swapMx(id)).isInstanceOf(StepResult.Done.class);
    assertThat(dns.createAutodiscover(id)).isInstanceOf(StepResult.Done.class);
    assertThat(dns.publishSpf(id)).isInstanceOf(StepResult.Done.class);
    assertThat(dns.restoreMxTtl(id)).isInstanceOf(StepResult.Done.class);

    assertThat(memory.held("contoso.com", "contoso.com", RecordType.MX))
        .contains(mx(86400, "0 " + TARGET_MX));
    assertThat(memory.held("contoso.com", "autodiscover.contoso.com", RecordType.CNAME))
        .map(RecordSet::values)
        .contains(List.of("autodiscover.outlook.com."));
    assertThat(memory.held("contoso.com", "contoso.com", RecordType.TXT).orElseThrow().texts())
        .containsExactly("v=spf1 mx include:spf.protection.outlook.com -all");

    assertThat(dns.rollback(id)).isInstanceOf(StepResult.Done.class);

    assertThat(memory.held("contoso.com", "contoso.com", RecordType.MX))
        .contains(mx(86400, "10 mail.contoso.com."));
    assertThat(memory.held("contoso.com", "autodiscover.contoso.com", RecordType.CNAME)).isEmpty();
    assertThat(memory.held("contoso.com", "autodiscover.contoso.com", RecordType.A)).isPresent();
  }

  @Test
  void itsNameIsListedAndItsRulesApplyWhenAMigrationIsRegistered() {
    assertThatThrownBy(() -> registration.register(withDns("memroy", TOKEN)))
        .isInstanceOfSatisfying(
            RejectedSettings.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new SettingsProblem(
                            "$.dns.provider",
                            "is not a DNS provider of this Cutover; give one of cloudflare,"
                                + " memory, rfc2136, or choose GUIDED")));
    assertThatThrownBy(() -> registration.register(withDns("memory", null)))
        .isInstanceOfSatisfying(
            RejectedSettings.class,
            rejected ->
                assertThat(rejected.problems())
                    .extracting(SettingsProblem::path, SettingsProblem::message)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "$.dns.credentials",
                            "the DNS provider memory needs its key or token: give it, or"
                                + " credentialId naming a credential stored with POST"
                                + " /api/credentials")));
    assertThatThrownBy(() -> registration.register(withDns("memory", "two words")))
        .isInstanceOfSatisfying(
            RejectedSettings.class,
            rejected ->
                assertThat(rejected.problems())
                    .extracting(SettingsProblem::message)
                    .containsExactly(
                        "is not a key or token the DNS provider memory takes; see what it needs in"
                            + " docs/operations.md"));
  }
}
