package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cutover.dns.DirectQuery;
import org.cutover.dns.DnsLookups;
import org.cutover.dns.DnsRunbookRules;
import org.cutover.dns.DnsRunbookSteps;
import org.cutover.dns.DnsZone;
import org.cutover.dns.DnsZoneProviders;
import org.cutover.dns.MxPropagationCheck;
import org.cutover.dns.NameServer;
import org.cutover.dns.RecordInstruction;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.Resolvers;
import org.cutover.dns.StepResult;
import org.cutover.dns.TsigKey;
import org.cutover.dns.TxtCheck;
import org.cutover.dns.ZoneServers;
import org.cutover.dns.cloudflare.CloudflareSettings;
import org.cutover.dns.cloudflare.CloudflareZoneProvider;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.cutover.dns.rfc2136.Rfc2136ZoneProvider;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ZoneDnsRunbook} on the real schema against a real DNS server that a subclass starts for
 * each test with {@link #ZONE}: migrations are stored as the API stores them, the TSIG key as a
 * stored credential, and every step goes through the server (RFC 2136 updates, or look-ups while
 * "the administrator" changes the zone in guided mode).
 */
@JdbcTest
@ActiveProfiles("test")
@Import({
  MigrationStore.class,
  JdbcDnsChangeJournal.class,
  DnsChangeHistory.class,
  DnsStepLock.class,
  ZoneDnsRunbookContract.Setup.class
})
abstract class ZoneDnsRunbookContract {

  static final String ZONE =
      """
      $TTL 3600
      @       IN SOA  ns1.example.test. hostmaster.example.test. (
                      2024010101 3600 900 604800 300 )
              IN NS   ns1.example.test.
              86400 IN MX 10 mail.example.test.
              86400 IN MX 20 backup.example.net.
              IN TXT  "v=spf1 mx -all"
              IN TXT  "MS=ms12345678"
      ns1     IN A    127.0.0.1
      mail    IN A    192.0.2.25
      autodiscover IN A 192.0.2.80
      """;

  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  static final String TARGET_MX = "example-test.mail.protection.outlook.com.";

  @TestConfiguration
  @ComponentScan("org.cutover.secrets")
  static class Setup {}

  @Autowired MigrationStore store;
  @Autowired SecretStore secrets;
  @Autowired JdbcDnsChangeJournal journal;
  @Autowired DnsChangeHistory history;
  @Autowired DnsStepLock lock;

  final MutableClock clock = new MutableClock(START);
  final Target target = new Target();
  private DnsLookups lookups;

  /** Starts a fresh server for the test, serving {@link #ZONE} as {@code example.test}. */
  abstract void startServer(String zoneFile) throws Exception;

  /** The server serving the zone: asked as authoritative server and as resolver. */
  abstract NameServer server();

  /** A TSIG key the server accepts updates of example.test with. */
  abstract TsigKey key();

  @BeforeEach
  void serveTheZone() throws Exception {
    startServer(ZONE);
    DirectQuery query = new DirectQuery(Duration.ofSeconds(2), 2);
    Resolvers resolvers = new Resolvers(List.of(server()));
    lookups =
        new DnsLookups(query, new ZoneServers(query, resolvers, List.of(server())), resolvers);
  }

  ZoneDnsRunbook runbook() {
    return runbook(provider(target));
  }

  ZoneDnsRunbook runbook(ObjectProvider<TargetTenant> tenant) {
    DnsRunbookSteps steps =
        new DnsRunbookSteps(journal, lookups, DnsRunbookRules.microsoft365(), clock);
    DnsZoneProviders providers =
        new DnsZoneProviders(
            List.of(
                new Rfc2136ZoneProvider(Duration.ofSeconds(5)),
                new CloudflareZoneProvider(
                    new CloudflareSettings(
                        cloudflareApi(), Duration.ofSeconds(5), 1, Duration.ofSeconds(1)))));
    return new ZoneDnsRunbook(
        store, steps, new MigrationDnsZones(providers, secrets), tenant, lock);
  }

  /** Where Cloudflare's API is reached; nothing listens there unless a test stubs it. */
  URI cloudflareApi() {
    return URI.create("http://127.0.0.1:9/client/v4");
  }

  static ObjectProvider<TargetTenant> provider(TargetTenant tenant) {
    return new StaticListableBeanFactory(Map.of("target", tenant))
        .getBeanProvider(TargetTenant.class);
  }

  /** The TSIG key as an administrator stores it: name:algorithm:base64. */
  String credentialText() {
    TsigKey key = key();
    String name = key.name().substring(0, key.name().length() - 1);
    return name + ":" + key.algorithm() + ":" + key.secret().get();
  }

  String automatic(TargetType type, boolean consent, String spfInclude) {
    return register(DnsMode.AUTOMATIC, "rfc2136", type, consent, spfInclude, credentialText());
  }

  String guided(boolean consent) {
    return register(DnsMode.GUIDED, null, TargetType.MICROSOFT_365, consent, null, null);
  }

  String register(
      DnsMode mode,
      String provider,
      TargetType type,
      boolean consent,
      String spfInclude,
      String credential) {
    SecretRef key = credential == null ? null : secrets.put("example.test DNS key", credential);
    TargetSettings targetSettings =
        type == TargetType.MICROSOFT_365
            ? new TargetSettings(
                type,
                "example.onmicrosoft.com",
                "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                null,
                null,
                "EXCHANGESTANDARD",
                "DK",
                null,
                null)
            : new TargetSettings(
                type,
                null,
                null,
                null,
                null,
                null,
                null,
                new ImapEndpoint(
                    "imap.example.net",
                    993,
                    ConnectionSecurity.IMPLICIT_TLS,
                    false,
                    ImapAuth.PLAIN,
                    "admin@example.net",
                    null,
                    null,
                    null,
                    null),
                List.of("10 mx.example.net"));
    boolean automatic = mode == DnsMode.AUTOMATIC;
    NewMigration settings =
        new NewMigration(
            "example.test",
            "wave-1",
            List.of(new MailboxEntry("anna@example.test", null, "Anna")),
            MigrationSamples.source(null, null),
            targetSettings,
            new DnsSettings(
                mode,
                provider,
                automatic ? "example.test" : null,
                automatic ? hostPort(server()) : null,
                null,
                key == null ? null : key.id(),
                null,
                null,
                consent,
                spfInclude),
            "en",
            true,
            null);
    return store.insert(
        settings, new MigrationStore.Credentials(null, null, null, key), clock.instant());
  }

  static String hostPort(NameServer server) {
    return server.address().getAddress().getHostAddress() + ":" + server.address().getPort();
  }

  /** The zone as an administrator changes it by hand, behind the runbook's back. */
  DnsZone byHand() {
    return new Rfc2136Zone("example.test", server(), key(), Duration.ofSeconds(5));
  }

  Optional<RecordSet> read(String name, RecordType type) {
    return byHand().read(name, type).known().orElseThrow();
  }

  RecordSet mx() {
    return read("example.test", RecordType.MX).orElseThrow();
  }

  static RecordSet originalMx(long ttl) {
    return RecordSet.of(
        "example.test", RecordType.MX, ttl, "10 mail.example.test.", "20 backup.example.net.");
  }

  static RecordSet targetMx(long ttl) {
    return RecordSet.of("example.test", RecordType.MX, ttl, "0 " + TARGET_MX);
  }

  static String summary(StepResult outcome) {
    assertThat(outcome).isInstanceOf(StepResult.Done.class);
    return ((StepResult.Done) outcome).summary();
  }

  // ---------------------------------------------------------------- automatic (RFC 2136 + TSIG)

  @Test
  void lowersTheTtlThenSwapsOnlyOnceTheOldTtlRanOut() {
    String id = automatic(TargetType.MICROSOFT_365, false, null);
    ZoneDnsRunbook dns = runbook();

    assertThat(summary(dns.lowerMxTtl(id))).contains("lowered from 86400 s to 3600 s");
    assertThat(target.asked).isEmpty();
    StepResult early = dns.swapMx(id);
    clock.set(START.plusSeconds(86400));
    String swapped = summary(dns.swapMx(id));

    assertThat(early).isInstanceOf(StepResult.NotYet.class);
    assertThat(((StepResult.NotYet) early).safeAt()).isEqualTo(START.plusSeconds(86400));
    assertThat(swapped).contains(TARGET_MX);
    assertThat(mx()).isEqualTo(targetMx(3600));
    assertThat(dns.mxSwitchedAt(id)).contains(START.plusSeconds(86400));
    assertThat(target.asked).containsExactly(id, id);
  }

  @Test
  void reportsPropagationOnceTheLoweredTtlRanOutSinceTheSwap() {
    String id = automatic(TargetType.MICROSOFT_365, false, null);
    ZoneDnsRunbook dns = runbook();
    dns.lowerMxTtl(id);
    clock.set(START.plusSeconds(86400));
    dns.swapMx(id);

    MxPropagationCheck cachesMayHoldOldRecords = dns.verifyMxPropagation(id);
    clock.advance(Duration.ofHours(1));
    MxPropagationCheck propagated = dns.verifyMxPropagation(id);

    assertThat(cachesMayHoldOldRecords.complete()).isFalse();
    assertThat(cachesMayHoldOldRecords.detail()).contains("Caches may hold the old MX records");
    assertThat(propagated.complete()).isTrue();
    assertThat(propagated.detail()).contains(server().describe());
  }

  @Test
  void waitsForTheTargetToVerifyTheDomainEvenWhenItsTxtRecordIsPublished() {
    String id = automatic(TargetType.MICROSOFT_365, false, null);
    ZoneDnsRunbook dns = runbook();
    target.domainVerified = false;

    TxtCheck published = dns.verifyDomainTxt(id);
    target.verification = "MS=ms99999999";
    TxtCheck missing = dns.verifyDomainTxt(id);
    target.domainVerified = true;
    target.verification = "MS=ms12345678";
    TxtCheck verified = dns.verifyDomainTxt(id);

    assertThat(published.found()).isFalse();
    assertThat(published.detail()).contains("has not verified the domain yet");
    assertThat(missing.found()).isFalse();
    assertThat(missing.detail()).contains("MS=ms99999999");
    assertThat(verified.found()).isTrue();
  }

  @Test
  void verifiesTheTargetsTxtValueAndPassesATargetThatVerifiesNone() {
    String id = automatic(TargetType.MICROSOFT_365, false, null);
    ZoneDnsRunbook dns = runbook();

    TxtCheck published = dns.verifyDomainTxt(id);
    target.verification = "MS=ms99999999";
    TxtCheck other = dns.verifyDomainTxt(id);
    target.verification = null;
    TxtCheck none = dns.verifyDomainTxt(id);

    assertThat(published.found()).isTrue();
    assertThat(other.found()).isFalse();
    assertThat(other.detail()).contains("MS=ms99999999");
    assertThat(none.found()).isTrue();
    assertThat(none.detail()).contains("verifies no domain ownership");
  }

  @Test
  void plansEveryChangeNowAndAsPlannedWithoutChangingTheZone() {
    String id = automatic(TargetType.MICROSOFT_365, true, null);
    ZoneDnsRunbook dns = runbook();
    RecordSet mxBefore = mx();
    Optional<RecordSet> txtBefore = read("example.test", RecordType.TXT);
    Optional<RecordSet> autodiscoverBefore = read("autodiscover.example.test", RecordType.A);

    String plan = dns.planChanges(id);
    target.domainVerified = false;
    String unverified = dns.planChanges(id);

    assertThat(plan.lines())
        .containsExactly(
            "- MX TTL of example.test.: 86400 s → 3600 s",
            "- MX records of example.test.: 10 mail.example.test., 20 backup.example.net. → 0 "
                + TARGET_MX,
            "- Autodiscover autodiscover.example.test.: A 192.0.2.80 → CNAME"
                + " autodiscover.outlook.com.",
            "- SPF of example.test.: v=spf1 mx -all → v=spf1 mx"
                + " include:spf.protection.outlook.com -all");
    assertThat(unverified.lines())
        .hasSize(4)
        .element(1)
        .asString()
        .contains("the target's mail exchangers (not named yet)")
        .contains("has not verified example.test yet");
    assertThat(unverified.lines().skip(2)).containsExactlyElementsOf(plan.lines().skip(2).toList());
    assertThat(mx()).isEqualTo(mxBefore);
    assertThat(read("example.test", RecordType.TXT)).isEqualTo(txtBefore);
    assertThat(read("autodiscover.example.test", RecordType.A)).isEqualTo(autodiscoverBefore);
    assertThat(read("autodiscover.example.test", RecordType.CNAME)).isEmpty();
    assertThat(journal.changes(id)).isEmpty();
  }

  @Test
  void leavesAutodiscoverRecordsAloneWithoutConsent() {
    String id = automatic(TargetType.MICROSOFT_365, false, null);

    assertThatThrownBy(() -> runbook().createAutodiscover(id))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageContaining("Migration " + id + ", Create Autodiscover CNAME")
        .hasMessageContaining("autodiscover.example.test. 3600 IN A 192.0.2.80")
        .hasMessageContaining("consent");
    assertThat(read("autodiscover.example.test", RecordType.A)).isPresent();
    assertThat(read("autodiscover.example.test", RecordType.CNAME)).isEmpty();
  }

  @Test
  void replacesAutodiscoverRecordsWithConsent() {
    String id = automatic(TargetType.MICROSOFT_365, true, null);

    String created = summary(runbook().createAutodiscover(id));

    assertThat(created).contains("autodiscover.outlook.com");
    assertThat(read("autodiscover.example.test", RecordType.A)).isEmpty();
    assertThat(read("autodiscover.example.test", RecordType.CNAME))
        .contains(
            RecordSet.of(
                "autodiscover.example.test", RecordType.CNAME, 3600, "autodiscover.outlook.com."));
  }

  @Test
  void addsMicrosoftsSpfIncludeKeepingEveryOtherTerm() {
    String id = automatic(TargetType.MICROSOFT_365, false, null);

    summary(runbook().publishSpf(id));

    assertThat(read("example.test", RecordType.TXT).orElseThrow().texts())
        .containsExactlyInAnyOrder(
            "v=spf1 mx include:spf.protection.outlook.com -all", "MS=ms12345678");
  }

  @Test
  void leavesSpfAloneForAnImapTargetUnlessTheSettingsGiveAnInclude() {
    String plain = automatic(TargetType.IMAP, false, null);
    String done = summary(runbook().publishSpf(plain));
    assertThat(read("example.test", RecordType.TXT).orElseThrow().texts())
        .contains("v=spf1 mx -all");

    String withInclude = automatic(TargetType.IMAP, false, "spf.example.net");
    summary(runbook().publishSpf(withInclude));

    assertThat(done).startsWith("No SPF change needed");
    assertThat(read("example.test", RecordType.TXT).orElseThrow().texts())
        .contains("v=spf1 mx include:spf.example.net -all");
  }

  @Test
  void restoresTheOriginalTtlAfterTheSwap() {
    String id = automatic(TargetType.MICROSOFT_365, false, null);
    ZoneDnsRunbook dns = runbook();
    dns.lowerMxTtl(id);
    clock.set(START.plusSeconds(86400));
    dns.swapMx(id);

    String restored = summary(dns.restoreMxTtl(id));

    assertThat(restored).contains("restored from 3600 s to 86400 s");
    assertThat(mx()).isEqualTo(targetMx(86400));
  }

  @Test
  void rollsBackEveryChangeAndTheHistoryShowsIt() {
    String id = automatic(TargetType.MICROSOFT_365, true, null);
    ZoneDnsRunbook dns = runbook();
    RecordSet txtBefore = read("example.test", RecordType.TXT).orElseThrow();
    dns.lowerMxTtl(id);
    clock.set(START.plusSeconds(86400));
    dns.swapMx(id);
    dns.createAutodiscover(id);
    dns.publishSpf(id);

    String rolledBack = summary(dns.rollback(id));

    assertThat(rolledBack).startsWith("Restored 4 record set(s)");
    assertThat(mx()).isEqualTo(originalMx(86400));
    assertThat(read("example.test", RecordType.TXT)).contains(txtBefore);
    assertThat(read("autodiscover.example.test", RecordType.CNAME)).isEmpty();
    assertThat(read("autodiscover.example.test", RecordType.A))
        .contains(RecordSet.of("autodiscover.example.test", RecordType.A, 3600, "192.0.2.80"));
    assertThat(dns.mxSwitchedAt(id)).isEmpty();
    List<RecordedDnsChange> changes = history.changes(id);
    assertThat(changes)
        .extracting(RecordedDnsChange::step)
        .containsExactly(
            "LOWER_MX_TTL", "SWAP_MX", "AUTODISCOVER_CLEAR", "AUTODISCOVER_CNAME", "SPF");
    assertThat(changes).allSatisfy(change -> assertThat(change.rolledBackAt()).isNotNull());
    RecordedDnsChange swap = changes.get(1);
    assertThat(swap.before())
        .isEqualTo(new RecordedDnsChange.Records(3600, originalMx(3600).values()));
    assertThat(swap.after())
        .isEqualTo(new RecordedDnsChange.Records(3600, List.of("0 " + TARGET_MX)));
    assertThat(swap.appliedAt()).isEqualTo(START.plusSeconds(86400));
    assertThat(summary(dns.rollback(id)))
        .isEqualTo("No DNS change of migration " + id + " left to undo");
  }

  @Test
  void aKeyTheServerDoesNotKnowNeedsTheAdministratorAndIsNeverRepeated() {
    String secret = "c2VjcmV0LW5vdC1rbm93bi10by10aGUtc2VydmVyLTEyMzQ=";
    String id =
        register(
            DnsMode.AUTOMATIC,
            "rfc2136",
            TargetType.MICROSOFT_365,
            false,
            null,
            "stranger:hmac-sha256:" + secret);

    assertThatThrownBy(() -> runbook().lowerMxTtl(id))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageStartingWith("Migration " + id + ", Lower MX TTL: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    assertThat(mx()).isEqualTo(originalMx(86400));
  }

  @Test
  void aCredentialThatIsNoTsigKeyIsRefusedWithoutRepeatingIt() {
    String id =
        register(
            DnsMode.AUTOMATIC,
            "rfc2136",
            TargetType.MICROSOFT_365,
            false,
            null,
            "just-a-password-123");

    assertThatThrownBy(() -> runbook().lowerMxTtl(id))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageContaining("must be a TSIG key written as name:algorithm:base64")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("just-a-password-123"));
  }

  @Test
  void acceptsTheKeyInNsupdateOrder() {
    TsigKey key = key();
    String name = key.name().substring(0, key.name().length() - 1);
    String id =
        register(
            DnsMode.AUTOMATIC,
            "rfc2136",
            TargetType.MICROSOFT_365,
            false,
            null,
            key.algorithm() + ":" + name + ":" + key.secret().get());

    summary(runbook().lowerMxTtl(id));

    assertThat(mx()).isEqualTo(originalMx(3600));
  }

  @Test
  void withoutATargetTheStepsThatNeedItsRecordsNameTheMissingCapability() {
    String id = automatic(TargetType.MICROSOFT_365, false, null);
    ZoneDnsRunbook dns =
        runbook(new StaticListableBeanFactory().getBeanProvider(TargetTenant.class));

    summary(dns.lowerMxTtl(id));
    assertThatThrownBy(() -> dns.swapMx(id))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageContaining("(no TargetTenant)");
    assertThatThrownBy(() -> dns.verifyDomainTxt(id))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageContaining("the target");
  }

  // ---------------------------------------------------------------- guided

  @Test
  void guidedStepsGiveTheRecordToSetUntilTheServersShowIt() {
    String id = guided(false);
    ZoneDnsRunbook dns = runbook();

    StepResult first = dns.lowerMxTtl(id);
    assertThat(first).isInstanceOf(StepResult.HumanChangeNeeded.class);
    StepResult.HumanChangeNeeded manual = (StepResult.HumanChangeNeeded) first;
    assertThat(manual.instruction())
        .isEqualTo(
            new RecordInstruction(
                RecordInstruction.Action.SET,
                "example.test.",
                RecordType.MX,
                3600,
                originalMx(3600).values()));
    assertThat(manual.seenNow()).contains("86400");
    assertThat(mx()).isEqualTo(originalMx(86400));

    byHand().upsert(originalMx(3600), Optional.of(originalMx(86400)));
    String lowered = summary(dns.lowerMxTtl(id));

    assertThat(lowered).contains("3600 s");
    assertThat(history.changes(id))
        .singleElement()
        .satisfies(change -> assertThat(change.appliedAt()).isEqualTo(START));
  }

  @Test
  void guidedAutodiscoverWithConsentAsksToRemoveTheRecordInTheWay() {
    String id = guided(true);

    StepResult outcome = runbook().createAutodiscover(id);

    assertThat(outcome).isInstanceOf(StepResult.HumanChangeNeeded.class);
    RecordInstruction instruction = ((StepResult.HumanChangeNeeded) outcome).instruction();
    assertThat(instruction.action()).isEqualTo(RecordInstruction.Action.REMOVE);
    assertThat(instruction.name()).isEqualTo("autodiscover.example.test.");
    assertThat(instruction.type()).isEqualTo(RecordType.A);
    assertThat(instruction.values()).containsExactly("192.0.2.80");
    assertThat(instruction.describe())
        .startsWith("Remove every A record of autodiscover.example.test.");
    assertThat(read("autodiscover.example.test", RecordType.A)).isPresent();
  }

  /** The target double: the records it asks the domain to publish. */
  static final class Target implements TargetTenant {

    String verification = "MS=ms12345678";
    boolean domainVerified = true;
    final List<String> asked = new ArrayList<>();

    @Override
    public void preflight(String migrationId) {
      throw new UnsupportedOperationException("not a DNS step");
    }

    @Override
    public void provisionMailbox(String mailboxId) {
      throw new UnsupportedOperationException("not a DNS step");
    }

    @Override
    public TargetDnsRecords dnsRecords(String migrationId) {
      asked.add(migrationId);
      if (!domainVerified) {
        throw new DomainNotVerifiedYet(verification, "the target has not verified the domain");
      }
      return new TargetDnsRecords(
          verification,
          List.of(new TargetDnsRecords.MailExchanger(0, TARGET_MX)),
          "autodiscover.outlook.com");
    }
  }
}
