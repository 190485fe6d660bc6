package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    validation = new SettingsValidation(factory);
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
            ImapAuth.PLAIN,
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
            "$.target.tenantId",
            "$.target.usageLocation");
  }

  @Test
  void automaticDnsNeedsProviderZoneAndCredentialsAndTheZoneMustHoldTheDomain() {
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
                null,
                SecretText.of("k"),
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
        .containsExactly("$.dns.credentials", "$.dns.maxMxTtl", "$.dns.provider", "$.dns.zone");
    assertThat(validation.problems(otherZone))
        .extracting(SettingsProblem::path)
        .containsExactly("$.dns.zone");
    assertThat(validation.problems(guided)).isEmpty();
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
