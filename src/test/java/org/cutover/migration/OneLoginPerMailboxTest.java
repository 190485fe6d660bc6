package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Locale;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

class OneLoginPerMailboxTest {

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
  void refusesThePlainAdminLoginForSeveralMailboxesNamingWhatToUse() {
    NewMigration settings = withSource(plain("migration-admin@contoso.com"));

    assertThat(validation.problems(settings))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("$.source.auth");
              assertThat(problem.message())
                  .contains("admin's own mail", "DELEGATED_ADMIN", "XOAUTH2", "per-user passwords");
            });
  }

  @Test
  void refusesThePlainAdminLoginForAnotherUsersSingleMailbox() {
    NewMigration settings =
        withSource(plain("migration-admin@contoso.com"), MigrationSamples.mailboxes(1));

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path)
        .containsExactly("$.source.auth");
  }

  @Test
  void acceptsPlainForABatchOfTheAdminsOwnMailbox() {
    NewMigration settings = withSource(plain("USER0@contoso.com"), MigrationSamples.mailboxes(1));

    assertThat(validation.problems(settings)).isEmpty();
  }

  @Test
  void refusesThePlainAdminLoginAtAnImapTarget() {
    NewMigration sample = MigrationSamples.valid();
    TargetSettings imap =
        new TargetSettings(
            TargetType.IMAP,
            null,
            null,
            null,
            null,
            null,
            null,
            plain("admin@newhost.example"),
            List.of("10 mx.newhost.example"));
    NewMigration settings =
        new NewMigration(
            sample.domain(),
            sample.batchName(),
            sample.mailboxes(),
            sample.source(),
            imap,
            sample.dns(),
            "en",
            false,
            null);

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path)
        .containsExactly("$.target.endpoint.auth");
  }

  @Test
  void refusesTwoMailboxesReadFromOneSourceLogin() {
    NewMigration settings =
        MigrationSamples.withMailboxes(
            List.of(
                new MailboxEntry("anna@contoso.com", null, null),
                new MailboxEntry("bo@contoso.com", "CONTOSO\\shared", null),
                new MailboxEntry("carl@contoso.com", "contoso\\SHARED", null),
                new MailboxEntry("dan@contoso.com", "ANNA@contoso.com", null)));

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path)
        .containsExactly("$.mailboxes[2].sourceLogin", "$.mailboxes[3].sourceLogin");
  }

  @Test
  void saysItInDanish() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));

    assertThat(validation.problems(withSource(plain("migration-admin@contoso.com"))))
        .singleElement()
        .extracting(SettingsProblem::message)
        .asString()
        .contains("adminens egen mail", "DELEGATED_ADMIN", "XOAUTH2");
  }

  @Test
  void refusesTwoMailboxesWithOneAliasWhenTheLoginStringNamesMailboxesByAlias() {
    ImapEndpoint byAlias =
        new ImapEndpoint(
            "mail.contoso.com",
            null,
            ConnectionSecurity.IMPLICIT_TLS,
            false,
            ImapAuth.ADMIN_LOGIN_STRING,
            "CONTOSO/migadmin",
            SecretText.of("x"),
            null,
            null,
            null,
            MailboxName.ALIAS,
            false);
    NewMigration settings =
        withSource(
            byAlias,
            List.of(
                new MailboxEntry("anna@contoso.com", null, null),
                new MailboxEntry("anna@fabrikam.com", null, null)));

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path, SettingsProblem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "$.mailboxes[1].emailAddress",
                "another mailbox of the batch has the same alias (the part before @), and the"
                    + " endpoint names mailboxes by alias, so both would open one mailbox; give"
                    + " each its own SourceLogin or name mailboxes by ADDRESS"));
  }

  private static ImapEndpoint plain(String adminUser) {
    return new ImapEndpoint(
        "mail.contoso.com",
        null,
        ConnectionSecurity.IMPLICIT_TLS,
        false,
        ImapAuth.PLAIN,
        adminUser,
        SecretText.of("x"),
        null,
        null,
        null);
  }

  private static NewMigration withSource(ImapEndpoint source) {
    return withSource(source, MigrationSamples.mailboxes(3));
  }

  private static NewMigration withSource(ImapEndpoint source, List<MailboxEntry> mailboxes) {
    NewMigration sample = MigrationSamples.withMailboxes(mailboxes);
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
}
