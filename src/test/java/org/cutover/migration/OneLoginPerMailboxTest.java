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
                  .contains(
                      "admin user's own mailbox",
                      "the user's own password",
                      "DELEGATED_ADMIN",
                      "XOAUTH2");
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
        .contains("admin-brugerens egen postkasse", "DELEGATED_ADMIN", "XOAUTH2");
  }

  @Test
  void acceptsPlainWithEachUsersOwnPasswordAndNoAdminLogin() {
    NewMigration settings =
        withSource(
            plain(null, null),
            List.of(
                withOwnPassword("anna@contoso.com", "anna"),
                withOwnPassword("bo@contoso.com", "bo")));

    assertThat(validation.problems(settings)).isEmpty();
  }

  @Test
  void acceptsOtherUsersOwnPasswordsBesideThePlainAdminLogin() {
    NewMigration settings =
        withSource(
            plain("anna@contoso.com"),
            List.of(
                new MailboxEntry("anna@contoso.com", null, null),
                withOwnPassword("bo@contoso.com", "bo")));

    assertThat(validation.problems(settings)).isEmpty();
  }

  @Test
  void namesEachMailboxWithoutItsPasswordWhenThereIsNoAdminLogin() {
    NewMigration settings =
        withSource(
            plain(null, null),
            List.of(
                withOwnPassword("anna@contoso.com", "anna"),
                new MailboxEntry("bo@contoso.com", "bo", null)));

    assertThat(validation.problems(settings))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("$.mailboxes[1].sourcePassword");
              assertThat(problem.message())
                  .contains("own password (auth PLAIN)", "CSV column Password", "DELEGATED_ADMIN");
            });
  }

  @Test
  void saysWhatIsMissingWhenNeitherAnAdminNorTheUsersPasswordsAreGiven() {
    ImapEndpoint noAdmin =
        new ImapEndpoint(
            "mail.contoso.com",
            null,
            ConnectionSecurity.IMPLICIT_TLS,
            false,
            ImapAuth.DELEGATED_ADMIN,
            null,
            null,
            null,
            null,
            null);

    assertThat(validation.problems(withSource(noAdmin)))
        .extracting(SettingsProblem::path, SettingsProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "$.source.adminUser",
                "give the admin login Cutover uses at this server; or choose PLAIN and give each"
                    + " user's own password with the mailboxes (CSV column Password,"
                    + " TargetPassword for the target)"),
            org.assertj.core.groups.Tuple.tuple(
                "$.source.password",
                "give the secret, or credentialId naming a credential stored with POST"
                    + " /api/credentials"));
  }

  @Test
  void refusesAnAdminPasswordWithoutItsLogin() {
    assertThat(
            validation.problems(
                withSource(
                    plain(null, SecretText.of("x")),
                    List.of(withOwnPassword("anna@contoso.com", "anna")))))
        .extracting(SettingsProblem::path)
        .containsExactly("$.source.adminUser");
  }

  @Test
  void namesTheMailboxWithoutItsTargetPasswordAtAPlainImapTarget() {
    NewMigration sample = MigrationSamples.valid();
    MailboxEntry anna =
        new MailboxEntry(
            "anna@contoso.com", null, null, null, null, "anna", SecretText.of("t-anna"), null);
    MailboxEntry bo = new MailboxEntry("bo@contoso.com", null, null);
    NewMigration settings =
        new NewMigration(
            sample.domain(),
            sample.batchName(),
            List.of(anna, bo),
            sample.source(),
            new TargetSettings(
                TargetType.IMAP,
                null,
                null,
                null,
                null,
                null,
                null,
                plain(null, null),
                List.of("10 mx.newhost.example")),
            sample.dns(),
            "en",
            false,
            null);

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path)
        .containsExactly("$.mailboxes[1].targetPassword");
  }

  @Test
  void refusesUsersTargetPasswordsForMicrosoft365() {
    NewMigration settings =
        MigrationSamples.withMailboxes(
            List.of(
                new MailboxEntry(
                    "anna@contoso.com", null, null, null, null, null, SecretText.of("t"), null)));

    assertThat(validation.problems(settings))
        .extracting(SettingsProblem::path)
        .containsExactly("$.mailboxes[0].targetPassword");
  }

  private static MailboxEntry withOwnPassword(String address, String login) {
    return new MailboxEntry(
        address, login, null, SecretText.of("pass-" + login), null, null, null, null);
  }

  private static ImapEndpoint plain(String adminUser, SecretText password) {
    return new ImapEndpoint(
        "mail.contoso.com",
        null,
        ConnectionSecurity.IMPLICIT_TLS,
        false,
        ImapAuth.PLAIN,
        adminUser,
        password,
        null,
        null,
        null);
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
