package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

class SettingsValidationTest {

  private SettingsValidation validation;
  private LocalValidatorFactoryBean factory;

  @BeforeEach
  void setUp() {
    factory = new LocalValidatorFactoryBean();
    factory.afterPropertiesSet();
    validation = MigrationSamples.validation(factory, mock(SecretStore.class));
    LocaleContextHolder.setLocale(Locale.ENGLISH);
  }

  @AfterEach
  void tearDown() {
    LocaleContextHolder.resetLocaleContext();
    factory.close();
  }

  @Test
  void acceptsTheSample() {
    assertThat(validation.problems(MigrationSamples.valid())).isEmpty();
  }

  @Test
  void batchNameWithASpaceNamesTheFieldAndTheRule() {
    NewMigration settings = copy(MigrationSamples.valid(), "contoso wave 1");

    assertThat(validation.problems(settings))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("$.batchName");
              assertThat(problem.message()).contains("only letters, digits, '-' and '_'");
            });
  }

  @Test
  void refusesMoreThan2000Mailboxes() {
    NewMigration settings = MigrationSamples.withMailboxes(MigrationSamples.mailboxes(2001));

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path)
        .containsExactly("$.mailboxes");
  }

  @Test
  void accepts2000Mailboxes() {
    NewMigration settings = MigrationSamples.withMailboxes(MigrationSamples.mailboxes(2000));

    assertThat(validation.problems(settings)).isEmpty();
  }

  @Test
  void namesTheMailboxOfABadOrRepeatedAddress() {
    List<MailboxEntry> mailboxes = new ArrayList<>(MigrationSamples.mailboxes(3));
    mailboxes.set(1, new MailboxEntry("not-an-address", null, null));
    mailboxes.add(new MailboxEntry("USER0@contoso.com", null, null));

    assertThat(validation.problems(MigrationSamples.withMailboxes(mailboxes)))
        .extracting(SettingsProblem::path, SettingsProblem::message)
        .containsExactly(
            tuple(
                "$.mailboxes[1].emailAddress", "must be an email address such as anna@contoso.com"),
            tuple(
                "$.mailboxes[3].emailAddress",
                "this address is listed more than once; list each mailbox once"));
  }

  @Test
  void credentialMustBeGivenOnceAsSecretOrStoredId() {
    NewMigration neither = withSource(MigrationSamples.source(null, null));
    NewMigration both =
        withSource(
            MigrationSamples.source(SecretText.of("x"), "3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90"));
    NewMigration malformedId = withSource(MigrationSamples.source(null, "secret-1"));

    assertThat(validation.problems(neither))
        .extracting(SettingsProblem::path)
        .containsExactly("$.source.password");
    assertThat(validation.problems(both))
        .extracting(SettingsProblem::path)
        .containsExactly("$.source.credentialId");
    assertThat(validation.problems(malformedId))
        .extracting(SettingsProblem::path)
        .containsExactly("$.source.credentialId");
  }

  @Test
  void plaintextNeedsToBeAllowedExplicitly() {
    ImapEndpoint plaintext =
        new ImapEndpoint(
            "mail.contoso.com",
            null,
            ConnectionSecurity.PLAINTEXT,
            false,
            ImapAuth.DELEGATED_ADMIN,
            "admin",
            SecretText.of("x"),
            null,
            null,
            null);

    assertThat(validation.problems(withSource(plaintext)))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("$.source.security");
              assertThat(problem.message()).contains("allowPlaintext");
            });
    assertThat(plaintext.port()).isEqualTo(143);
  }

  @Test
  void aTokenSourceNeedsXoauth2AnHttpsUrlAndAClientId() {
    ImapEndpoint.TokenSource plainHttp =
        new ImapEndpoint.TokenSource("http://idp.contoso.com/token", " ", null);
    ImapEndpoint withPassword = tokenSource(ImapAuth.DELEGATED_ADMIN, plainHttp);

    assertThat(validation.problems(withSource(withPassword)))
        .extracting(SettingsProblem::path)
        .containsExactlyInAnyOrder(
            "$.source.tokenSource",
            "$.source.tokenSource.tokenUrl",
            "$.source.tokenSource.clientId");
    assertThat(validation.problems(withSource(withPassword)))
        .filteredOn(problem -> problem.path().endsWith("tokenUrl"))
        .singleElement()
        .satisfies(problem -> assertThat(problem.message()).contains("https"));
  }

  @Test
  void acceptsATokenSourceOverHttpsOrOnLoopback() {
    for (String url :
        List.of(
            "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token",
            "http://127.0.0.1:8080/token")) {
      ImapEndpoint endpoint =
          tokenSource(
              ImapAuth.XOAUTH2,
              new ImapEndpoint.TokenSource(
                  url, "app-id", "https://outlook.office365.com/.default"));

      assertThat(validation.problems(withSource(endpoint))).as(url).isEmpty();
    }
  }

  private static ImapEndpoint tokenSource(ImapAuth auth, ImapEndpoint.TokenSource source) {
    return new ImapEndpoint(
        "mail.contoso.com",
        null,
        ConnectionSecurity.IMPLICIT_TLS,
        false,
        auth,
        "admin",
        SecretText.of("client-secret"),
        null,
        null,
        null,
        null,
        false,
        source);
  }

  @Test
  void microsoft365TargetNeedsItsAppRegistration() {
    NewMigration sample = MigrationSamples.valid();
    NewMigration settings =
        new NewMigration(
            sample.domain(),
            sample.batchName(),
            sample.mailboxes(),
            sample.source(),
            new TargetSettings(
                TargetType.MICROSOFT_365, null, null, null, null, null, "dk", null, null),
            sample.dns(),
            "en",
            false,
            null);

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path)
        .containsExactly(
            "$.target.clientId",
            "$.target.clientSecret",
            "$.target.licenceSku",
            "$.target.tenantId",
            "$.target.usageLocation");
  }

  @Test
  void microsoft365TargetNeedsTheLicenceSinceEachMailboxMustExistBeforeTheFirstSync() {
    NewMigration withoutLicence = withoutLicence(MigrationSamples.valid());

    assertThat(validation.problems(withoutLicence))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("$.target.licenceSku");
              assertThat(problem.message())
                  .contains("EXCHANGESTANDARD")
                  .contains("mailbox only once the user holds a licence")
                  .contains("before the first sync");
            });

    LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
    assertThat(validation.problems(withoutLicence))
        .singleElement()
        .extracting(SettingsProblem::message)
        .asString()
        .contains("hver postkasse skal findes før den første synkronisering");
  }

  @Test
  void anImapTargetNeedsNoLicence() {
    NewMigration sample = MigrationSamples.valid();
    NewMigration imap =
        new NewMigration(
            sample.domain(),
            sample.batchName(),
            sample.mailboxes(),
            sample.source(),
            new TargetSettings(
                TargetType.IMAP,
                null,
                null,
                null,
                null,
                null,
                null,
                sample.source(),
                List.of("10 mx1.newhost.example")),
            sample.dns(),
            "en",
            false,
            null);

    assertThat(validation.problems(imap)).extracting(SettingsProblem::path).isEmpty();
  }

  private static NewMigration withoutLicence(NewMigration sample) {
    TargetSettings target = sample.target();
    return new NewMigration(
        sample.domain(),
        sample.batchName(),
        sample.mailboxes(),
        sample.source(),
        new TargetSettings(
            target.type(),
            target.tenantId(),
            target.clientId(),
            target.clientSecret(),
            target.credentialId(),
            " ",
            target.usageLocation(),
            null,
            null),
        sample.dns(),
        sample.language(),
        sample.autoStartBatch(),
        sample.durations());
  }

  @Test
  void automaticDnsNeedsProviderAndZoneAndTheZoneMustHoldTheDomain() {
    NewMigration sample = MigrationSamples.valid();
    NewMigration missing =
        withDns(
            sample,
            new DnsSettings(DnsMode.AUTOMATIC, null, null, null, null, null, 30, null, null, null));
    NewMigration otherZone =
        withDns(
            sample,
            new DnsSettings(
                DnsMode.AUTOMATIC,
                "rfc2136",
                "fabrikam.com",
                "ns1.fabrikam.com",
                SecretText.of(MigrationSamples.DNS_KEY),
                null,
                null,
                null,
                null,
                null));
    NewMigration guided =
        withDns(
            sample,
            new DnsSettings(DnsMode.GUIDED, null, null, null, null, null, null, null, null, null));

    assertThat(validation.problems(missing))
        .extracting(SettingsProblem::path)
        .containsExactly("$.dns.maxMxTtl", "$.dns.provider", "$.dns.zone");
    assertThat(validation.problems(missing))
        .filteredOn(problem -> problem.path().equals("$.dns.provider"))
        .extracting(SettingsProblem::message)
        .containsExactly(
            "automatic DNS needs the provider: one of cloudflare, rfc2136; or choose GUIDED");
    assertThat(validation.problems(otherZone))
        .extracting(SettingsProblem::path)
        .containsExactly("$.dns.zone");
    assertThat(validation.problems(guided)).isEmpty();
  }

  @Test
  void anUnknownDnsProviderIsRefusedListingTheKnownOnes() {
    NewMigration unknown =
        withDns(MigrationSamples.valid(), dns("route53", "ns1.contoso.com", "k"));

    assertThat(validation.problems(unknown))
        .singleElement()
        .isEqualTo(
            new SettingsProblem(
                "$.dns.provider",
                "is not a DNS provider of this Cutover; give one of cloudflare, rfc2136, or choose"
                    + " GUIDED"));
    LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
    assertThat(validation.problems(unknown))
        .singleElement()
        .extracting(SettingsProblem::message)
        .isEqualTo(
            "er ikke en DNS-udbyder i denne Cutover; angiv en af cloudflare, rfc2136, eller vælg"
                + " GUIDED");
  }

  @Test
  void aProviderNameNoProviderCouldHaveIsReportedOnce() {
    NewMigration spaced = withDns(MigrationSamples.valid(), dns("route 53", null, "k"));

    assertThat(validation.problems(spaced))
        .containsExactly(
            new SettingsProblem("$.dns.provider", "must be 1 to 40 letters, digits, '-' and '_'"));
  }

  @Test
  void eachDnsProviderNamesTheSettingsItNeeds() {
    NewMigration rfc2136Bare = withDns(MigrationSamples.valid(), dns("RFC2136", null, null));
    NewMigration cloudflareBare = withDns(MigrationSamples.valid(), dns("cloudflare", null, null));

    assertThat(validation.problems(rfc2136Bare))
        .containsExactly(
            new SettingsProblem(
                "$.dns.credentials",
                "the DNS provider rfc2136 needs its key or token: give it, or credentialId naming a"
                    + " credential stored with POST /api/credentials"),
            new SettingsProblem(
                "$.dns.server",
                "the DNS provider rfc2136 needs the server that takes its changes, as host or"
                    + " host:port"));
    assertThat(validation.problems(cloudflareBare))
        .extracting(SettingsProblem::path)
        .containsExactly("$.dns.credentials");
  }

  @Test
  void eachDnsProviderChecksItsCredentialWithoutRepeatingIt() {
    NewMigration password =
        withDns(MigrationSamples.valid(), dns("rfc2136", "ns1.contoso.com", "hunter2-password"));
    NewMigration keyForCloudflare =
        withDns(MigrationSamples.valid(), dns("cloudflare", null, MigrationSamples.DNS_KEY));
    NewMigration token =
        withDns(MigrationSamples.valid(), dns("cloudflare", null, "Xy7_cloudflare-token-123"));

    assertThat(validation.problems(password))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("$.dns.credentials");
              assertThat(problem.message())
                  .startsWith("must be a TSIG key written as name:algorithm:base64")
                  .doesNotContain("hunter2");
            });
    assertThat(validation.problems(keyForCloudflare))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("$.dns.credentials");
              assertThat(problem.message()).startsWith("must be a Cloudflare API token");
            });
    assertThat(validation.problems(token)).isEmpty();
  }

  private static DnsSettings dns(String provider, String server, String credential) {
    return new DnsSettings(
        DnsMode.AUTOMATIC,
        provider,
        "contoso.com",
        server,
        credential == null ? null : SecretText.of(credential),
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void durationsMustBePositive() {
    NewMigration sample = MigrationSamples.valid();
    NewMigration settings =
        new NewMigration(
            sample.domain(),
            sample.batchName(),
            sample.mailboxes(),
            sample.source(),
            sample.target(),
            sample.dns(),
            "en",
            false,
            new DurationOverrides(
                Duration.ZERO, 0, null, null, null, Duration.ofDays(7), Duration.ofDays(7)));

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path)
        .containsExactly(
            "$.durations.licenceReminderBefore",
            "$.durations.txtMaxAttempts",
            "$.durations.txtRetryWait");
  }

  @Test
  void speaksDanishWhenAskedTo() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));

    assertThat(validation.problems(copy(MigrationSamples.valid(), "bølge 1")))
        .singleElement()
        .extracting(SettingsProblem::message)
        .asString()
        .contains("må kun indeholde bogstaver, cifre, '-' og '_'");
  }

  private static NewMigration copy(NewMigration sample, String batchName) {
    return new NewMigration(
        sample.domain(),
        batchName,
        sample.mailboxes(),
        sample.source(),
        sample.target(),
        sample.dns(),
        sample.language(),
        sample.autoStartBatch(),
        sample.durations());
  }

  private static NewMigration withSource(ImapEndpoint source) {
    NewMigration sample = MigrationSamples.valid();
    return new NewMigration(
        sample.domain(),
        sample.batchName(),
        sample.mailboxes(),
        source,
        sample.target(),
        sample.dns(),
        "en",
        false,
        null);
  }

  private static NewMigration withDns(NewMigration sample, DnsSettings dns) {
    return new NewMigration(
        sample.domain(),
        sample.batchName(),
        sample.mailboxes(),
        sample.source(),
        sample.target(),
        dns,
        "en",
        false,
        null);
  }
}
