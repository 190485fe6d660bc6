package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** The mail exchangers of an IMAP target: required there, checked, refused for Microsoft 365. */
class TargetMxHostsTest {

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

  static NewMigration withTarget(TargetSettings target) {
    NewMigration sample = MigrationSamples.valid();
    return new NewMigration(
        sample.domain(),
        sample.batchName(),
        sample.mailboxes(),
        sample.source(),
        target,
        sample.dns(),
        sample.language(),
        sample.autoStartBatch(),
        sample.durations());
  }

  static TargetSettings imap(String... mxHosts) {
    return new TargetSettings(
        TargetType.IMAP,
        null,
        null,
        null,
        null,
        null,
        null,
        new ImapEndpoint(
            "imap.newhost.example",
            null,
            ConnectionSecurity.IMPLICIT_TLS,
            false,
            ImapAuth.DELEGATED_ADMIN,
            "admin",
            SecretText.of("pw"),
            null,
            null,
            null),
        mxHosts == null ? null : Arrays.asList(mxHosts));
  }

  @Test
  void anImapTargetNeedsItsMailExchangers() {
    assertThat(validation.problems(withTarget(imap((String[]) null))))
        .extracting(SettingsProblem::path, SettingsProblem::message)
        .containsExactly(
            tuple(
                "$.target.mxHosts",
                "an IMAP target needs its mail exchangers, one per line as preference and host,"
                    + " such as 10 mx.newhost.example"));
  }

  @Test
  void acceptsPreferenceAndHostAndParsesThem() {
    TargetSettings target =
        imap(" 10   mx1.newhost.example ", "20 mx2.newhost.example.", "0 backup.newhost.example");

    assertThat(validation.problems(withTarget(target))).isEmpty();
    assertThat(target.mailExchangers())
        .containsExactly(
            new TargetDnsRecords.MailExchanger(10, "mx1.newhost.example"),
            new TargetDnsRecords.MailExchanger(20, "mx2.newhost.example"),
            new TargetDnsRecords.MailExchanger(0, "backup.newhost.example"));
  }

  @Test
  void namesEachMalformedEntry() {
    List<SettingsProblem> problems =
        validation.problems(
            withTarget(
                imap("10 mx1.newhost.example", "mx2.newhost.example", "5 under_score.example")));

    assertThat(problems)
        .extracting(SettingsProblem::path)
        .containsExactly("$.target.mxHosts[1]", "$.target.mxHosts[2]");
    assertThat(problems.get(0).message())
        .isEqualTo(
            "must be a preference from 0 to 65535 and a host name, such as 10 mx.newhost.example");
  }

  @Test
  void refusesAPreferenceAbove65535() {
    assertThat(validation.problems(withTarget(imap("65536 mx.newhost.example"))))
        .extracting(SettingsProblem::path)
        .containsExactly("$.target.mxHosts");
    assertThat(validation.problems(withTarget(imap("65535 mx.newhost.example")))).isEmpty();
  }

  @Test
  void microsoft365NamesItsOwnMailExchangers() {
    TargetSettings sample = MigrationSamples.valid().target();
    TargetSettings withHosts =
        new TargetSettings(
            sample.type(),
            sample.tenantId(),
            sample.clientId(),
            sample.clientSecret(),
            null,
            sample.licenceSku(),
            sample.usageLocation(),
            null,
            List.of("10 mx.newhost.example"));

    assertThat(validation.problems(withTarget(withHosts)))
        .extracting(SettingsProblem::path, SettingsProblem::message)
        .containsExactly(
            tuple(
                "$.target.mxHosts",
                "leave the mail exchangers empty for Microsoft 365: the tenant names them"));
  }

  @Test
  void answersInDanish() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));

    assertThat(validation.problems(withTarget(imap("x"))))
        .extracting(SettingsProblem::message)
        .containsExactly(
            "skal være en prioritet fra 0 til 65535 og et værtsnavn, f.eks. 10 mx.nyvaert.example");
  }
}
