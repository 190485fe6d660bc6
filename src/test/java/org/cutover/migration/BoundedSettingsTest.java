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

/** Settings stay within bounds: durations, ports, plain names, secret sizes, the domain. */
class BoundedSettingsTest {

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
  void refusesANanosecondCycleNamingTheFieldAndTheRange() {
    List<SettingsProblem> problems =
        validation.problems(
            withDurations(
                new DurationOverrides(null, null, null, Duration.ofNanos(1), null, null, null)));

    assertThat(problems)
        .extracting(SettingsProblem::path, SettingsProblem::message)
        .containsExactly(
            tuple(
                "$.durations.incrementalSyncCycle",
                "must be an ISO-8601 duration from PT1M (a minute) to P30D (30 days), such as"
                    + " PT24H"));
  }

  @Test
  void refusesAbsurdlyLongWaitsOnEachField() {
    Duration ages = Duration.ofDays(365L * 1000);
    List<SettingsProblem> problems =
        validation.problems(
            withDurations(new DurationOverrides(ages, null, ages, ages, ages, ages, null)));

    assertThat(problems)
        .extracting(SettingsProblem::path)
        .containsExactly(
            "$.durations.finalWait",
            "$.durations.incrementalSyncCycle",
            "$.durations.licenceDeadline",
            "$.durations.mxPropagationRetryWait",
            "$.durations.txtRetryWait");
  }

  @Test
  void acceptsEachLimitItself() {
    assertThat(
            validation.problems(
                withDurations(
                    new DurationOverrides(
                        DurationLimit.RETRY_WAIT.max(),
                        DurationLimit.MAX_ATTEMPTS,
                        DurationLimit.RETRY_WAIT.min(),
                        DurationLimit.SYNC_CYCLE.min(),
                        DurationLimit.FINAL_WAIT.max(),
                        DurationLimit.LICENCE.max(),
                        DurationLimit.LICENCE.min()))))
        .isEmpty();
  }

  @Test
  void eachLimitsMessageNamesItsRangeInBothLanguages() {
    for (DurationLimit limit : DurationLimit.values()) {
      for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("da"))) {
        assertThat(RuleMessages.text(locale, limit.messageKey()))
            .as(limit + " " + locale)
            .contains(limit.range().split(" to ")[0])
            .contains(limit.range().split(" to ")[1]);
      }
    }
  }

  @Test
  void speaksDanishAboutDurations() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));

    assertThat(
            validation.problems(
                withDurations(
                    new DurationOverrides(null, null, null, Duration.ZERO, null, null, null))))
        .singleElement()
        .extracting(SettingsProblem::message)
        .asString()
        .startsWith("skal være en ISO-8601-varighed fra PT1M (et minut) til P30D");
  }

  @Test
  void refusesDnsServerPortsOutsideOneTo65535() {
    for (String server : List.of("ns1.contoso.com:0", "ns1.contoso.com:99999", "10.0.0.1:65536")) {
      assertThat(validation.problems(withDnsServer(server)))
          .as(server)
          .extracting(SettingsProblem::path, SettingsProblem::message)
          .containsExactly(
              tuple(
                  "$.dns.server",
                  "must be a host name or IP address, optionally with a port from 1 to 65535,"
                      + " such as ns1.contoso.com:53"));
    }
    for (String server : List.of("ns1.contoso.com:1", "ns1.contoso.com:65535", "ns1", "::1")) {
      assertThat(validation.problems(withDnsServer(server))).as(server).isEmpty();
    }
  }

  @Test
  void refusesControlCharactersAndMarkupInNames() {
    List<MailboxEntry> mailboxes = new ArrayList<>(MigrationSamples.mailboxes(4));
    mailboxes.set(0, new MailboxEntry("user0@contoso.com", null, "Anna\u0007"));
    mailboxes.set(1, new MailboxEntry("user1@contoso.com", null, "<script>x</script>"));
    mailboxes.set(2, new MailboxEntry("user2@contoso.com", "CONTOSO\\bo\nx", null));
    mailboxes.set(3, new MailboxEntry("user3@contoso.com", "CONTOSO\\carl", "Carl \u202Eevil"));

    assertThat(validation.problems(MigrationSamples.withMailboxes(mailboxes)))
        .extracting(SettingsProblem::path, SettingsProblem::message)
        .containsExactly(
            tuple("$.mailboxes[0].displayName", plainTextMessage()),
            tuple("$.mailboxes[1].displayName", plainTextMessage()),
            tuple("$.mailboxes[2].sourceLogin", plainTextMessage()),
            tuple("$.mailboxes[3].displayName", plainTextMessage()));
  }

  @Test
  void keepsNamesWithLettersOfAnyLanguageAndPunctuation() {
    List<MailboxEntry> mailboxes =
        List.of(
            new MailboxEntry("user0@contoso.com", "CONTOSO\\søren", "Søren Ærø-Ågård (IT)"),
            new MailboxEntry("user1@contoso.com", null, "O'Brien & Co. \"Bo\""));

    assertThat(validation.problems(MigrationSamples.withMailboxes(mailboxes))).isEmpty();
  }

  @Test
  void refusesAnAdminLoginWithALineBreak() {
    NewMigration sample = MigrationSamples.valid();
    ImapEndpoint source = sample.source();
    NewMigration settings =
        withSource(
            sample,
            new ImapEndpoint(
                source.host(),
                source.port(),
                source.security(),
                source.allowPlaintext(),
                source.auth(),
                "admin\r\nA1 LOGOUT",
                source.password(),
                null,
                source.testMailbox(),
                source.maxConcurrentMailboxes()));

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path)
        .containsExactly("$.source.adminUser");
  }

  @Test
  void refusesASecretOver16KiB() {
    NewMigration settings =
        withSource(
            MigrationSamples.valid(),
            MigrationSamples.source(SecretText.of("a".repeat(1_000_000)), null));

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path, SettingsProblem::message)
        .containsExactly(tuple("$.source.password", "must be at most 16384 characters (16 KiB)"));
    assertThat(
            validation.problems(
                withSource(
                    MigrationSamples.valid(),
                    MigrationSamples.source(SecretText.of("a".repeat(16384)), null))))
        .isEmpty();
  }

  @Test
  void refusesMailboxesOutsideTheDomainUnlessAllowed() {
    List<MailboxEntry> mailboxes = new ArrayList<>(MigrationSamples.mailboxes(3));
    mailboxes.set(1, new MailboxEntry("bo@fabrikam.com", null, null));
    mailboxes.add(new MailboxEntry("carl@sales.contoso.com", null, null));
    NewMigration sample = MigrationSamples.withMailboxes(mailboxes);

    assertThat(validation.problems(sample))
        .extracting(SettingsProblem::path, SettingsProblem::message)
        .containsExactly(
            tuple(
                "$.mailboxes[1].emailAddress",
                "is not in the migrated domain; list only its mailboxes, or set"
                    + " allowMailboxesOutsideDomain to true if this one is meant"));
    assertThat(validation.problems(allowingOtherDomains(sample))).isEmpty();
    assertThat(MigrationRegistration.warnings(allowingOtherDomains(sample)))
        .singleElement()
        .asString()
        .startsWith("1 mailbox is not in contoso.com (bo@fabrikam.com); its mail keeps flowing");
  }

  @Test
  void theWarningAboutMailboxesOutsideTheDomainCountsThemInEnglishAndDanish() {
    List<MailboxEntry> oneOutside = new ArrayList<>(MigrationSamples.mailboxes(3));
    oneOutside.set(1, new MailboxEntry("bo@fabrikam.com", null, null));
    List<MailboxEntry> twoOutside = new ArrayList<>(oneOutside);
    twoOutside.set(2, new MailboxEntry("carl@fabrikam.com", null, null));
    NewMigration one = allowingOtherDomains(MigrationSamples.withMailboxes(oneOutside));
    NewMigration two = allowingOtherDomains(MigrationSamples.withMailboxes(twoOutside));

    java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    try {
      org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
      assertThat(MigrationRegistration.warnings(two))
          .singleElement()
          .asString()
          .startsWith("2 mailboxes are not in contoso.com (first: bo@fabrikam.com); their mail");
      org.springframework.context.i18n.LocaleContextHolder.setLocale(
          java.util.Locale.forLanguageTag("da"));
      assertThat(MigrationRegistration.warnings(one))
          .singleElement()
          .asString()
          .startsWith("1 postkasse ligger ikke i contoso.com (bo@fabrikam.com); dens post");
      assertThat(MigrationRegistration.warnings(two))
          .singleElement()
          .asString()
          .startsWith("2 postkasser ligger ikke i contoso.com (første: bo@fabrikam.com); deres");
    } finally {
      org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
    }
  }

  private static String plainTextMessage() {
    return "must not contain control characters (such as line breaks or tabs) or the characters"
        + " < and >";
  }

  private static NewMigration withDurations(DurationOverrides durations) {
    NewMigration sample = MigrationSamples.valid();
    return new NewMigration(
        sample.domain(),
        sample.batchName(),
        sample.mailboxes(),
        sample.source(),
        sample.target(),
        sample.dns(),
        "en",
        false,
        durations);
  }

  private static NewMigration withSource(NewMigration sample, ImapEndpoint source) {
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

  private static NewMigration allowingOtherDomains(NewMigration sample) {
    return new NewMigration(
        sample.domain(),
        sample.batchName(),
        sample.mailboxes(),
        sample.source(),
        sample.target(),
        sample.dns(),
        "en",
        false,
        null,
        true);
  }

  private static NewMigration withDnsServer(String server) {
    NewMigration sample = MigrationSamples.valid();
    DnsSettings dns = sample.dns();
    return new NewMigration(
        sample.domain(),
        sample.batchName(),
        sample.mailboxes(),
        sample.source(),
        sample.target(),
        new DnsSettings(
            dns.mode(),
            dns.provider(),
            dns.zone(),
            server,
            dns.credentials(),
            dns.credentialId(),
            dns.maxMxTtl(),
            dns.autodiscoverTarget(),
            dns.autodiscoverOverwriteConsent(),
            dns.spfInclude()),
        "en",
        false,
        null);
  }
}
