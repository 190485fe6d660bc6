package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.cutover.tenant.DomainNotYetVerified;
import org.cutover.tenant.DomainRecords;
import org.cutover.tenant.ImapTarget;
import org.cutover.tenant.ImapTargetServer;
import org.cutover.tenant.LicenceOffer;
import org.cutover.tenant.MailboxToProvision;
import org.cutover.tenant.Microsoft365App;
import org.cutover.tenant.Microsoft365Target;
import org.cutover.tenant.TargetLoginRefused;
import org.cutover.tenant.TargetNeedsAdministrator;
import org.cutover.tenant.TargetUnavailable;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The one target bean dispatches on each migration's target type, reading the migration's settings
 * from the store (real schema on H2), and turns the target's failures into the runbook's.
 */
@JdbcTest
@ActiveProfiles("test")
@ImportAutoConfiguration(ValidationAutoConfiguration.class)
@Import({
  org.cutover.migration.recipients.RecipientStore.class,
  org.cutover.migration.recipients.BatchRecipients.class,
  org.cutover.migration.letters.ClientSettingsConfiguration.class,
  MigrationStore.class,
  MigrationRegistration.class,
  Capabilities.class,
  SettingsValidation.class,
  BuiltInDnsProviders.class,
  TenantTargetAdapter.class,
  LicenceRecords.class,
  TenantTargetAdapterTest.Setup.class
})
class TenantTargetAdapterTest {

  @TestConfiguration
  @ComponentScan("org.cutover.secrets")
  static class Setup {
    @Bean
    MutableClock clock() {
      return new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    }
  }

  // Logins are tried at registration against real servers in LoginCheckAtRegistrationIT.
  @MockitoBean RegistrationLogins registrationLogins;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;
  @MockitoBean Microsoft365Target microsoft365;
  @MockitoBean ImapTarget imap;

  @Autowired MigrationRegistration registration;
  @Autowired MigrationStore store;
  @Autowired SecretStore secrets;
  @Autowired TenantTargetAdapter target;

  static NewMigration imapMigration(ImapAuth auth, String testMailbox) {
    NewMigration sample = MigrationSamples.valid();
    return new NewMigration(
        "newco.example",
        "newco-1",
        MigrationSamples.mailboxes(2).stream()
            .map(
                m ->
                    new MailboxEntry(
                        m.emailAddress().replace("contoso.com", "newco.example"),
                        null,
                        m.displayName()))
            .toList(),
        sample.source(),
        new TargetSettings(
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
                ConnectionSecurity.STARTTLS,
                false,
                auth,
                "migrator",
                SecretText.of("target-admin-secret"),
                null,
                testMailbox,
                null),
            List.of("20 mx2.newhost.example", "10  mx1.newhost.example.")),
        new DnsSettings(
            DnsMode.GUIDED,
            null,
            null,
            null,
            null,
            null,
            null,
            "autodiscover.newhost.example",
            false,
            null),
        "en",
        false,
        null);
  }

  @Test
  void anImapTargetNamesTheMailExchangersOfItsSettings() {
    String id = registration.register(imapMigration(ImapAuth.DELEGATED_ADMIN, null)).migrationId();

    assertThat(target.dnsRecords(id))
        .isEqualTo(
            new TargetDnsRecords(
                null,
                List.of(
                    new TargetDnsRecords.MailExchanger(20, "mx2.newhost.example"),
                    new TargetDnsRecords.MailExchanger(10, "mx1.newhost.example")),
                "autodiscover.newhost.example"));
    verifyNoInteractions(microsoft365);
  }

  @Test
  void anImapTargetIsCheckedWithItsEndpointAndTheFirstMailboxAsProbe() {
    String id = registration.register(imapMigration(ImapAuth.DELEGATED_ADMIN, null)).migrationId();
    StoredEndpoint endpoint = store.endpoint(id, EndpointRole.TARGET).orElseThrow();
    ImapTargetServer server =
        new ImapTargetServer(
            "imap.newhost.example",
            143,
            ImapTargetServer.Security.STARTTLS,
            false,
            ImapTargetServer.SignIn.DELEGATED_ADMIN,
            "migrator",
            endpoint.credential());

    target.preflight(id);
    MailboxState second = store.mailboxes(id).get(1);
    target.provisionMailbox(second.id());

    verify(imap).preflight(server, "user0@newco.example");
    verify(imap).provisionMailbox(server, "user1@newco.example");
    assertThat(secrets.getString(endpoint.credential())).isEqualTo("target-admin-secret");
  }

  @Test
  void anImapTargetThatCannotBeReachedIsRetriedAndAMissingMailboxNeedsTheAdministrator() {
    String id = registration.register(imapMigration(ImapAuth.DELEGATED_ADMIN, null)).migrationId();
    MailboxState first = store.mailboxes(id).get(0);
    doThrow(new TargetUnavailable("not reachable"))
        .doThrow(new TargetNeedsAdministrator("create the mailbox first"))
        .when(imap)
        .provisionMailbox(any(), eq("user0@newco.example"));

    assertThatThrownBy(() -> target.provisionMailbox(first.id()))
        .isExactlyInstanceOf(TransientStepFailure.class)
        .hasMessage("not reachable");
    assertThatThrownBy(() -> target.provisionMailbox(first.id()))
        .isExactlyInstanceOf(StepNeedsAdministrator.class)
        .hasMessage("create the mailbox first");
  }

  @Test
  void anImapTargetRefusingItsAdminLoginAsksForANewCredential() {
    String id = registration.register(imapMigration(ImapAuth.DELEGATED_ADMIN, null)).migrationId();
    doThrow(
            new TargetLoginRefused(
                "The IMAP target imap.newco.example:993 refused the admin login"))
        .when(imap)
        .preflight(any(), eq("user0@newco.example"));

    // the refused login's own failure, which opens the task "Replace the refused login and retry"
    assertThatThrownBy(() -> target.preflight(id))
        .isInstanceOfSatisfying(
            org.cutover.migration.logins.LoginRefused.class,
            refused -> assertThat(refused.side()).isEqualTo(EndpointRole.TARGET))
        .hasMessageStartingWith(
            "Login refused by the target: The IMAP target imap.newco.example:993 refused");
  }

  @Test
  void anImapTargetWithXoauth2HandsOutItsStoredToken() {
    String id =
        registration.register(imapMigration(ImapAuth.XOAUTH2, "probe@newco.example")).migrationId();

    assertThat(target.tokens(id).accessToken("user0@newco.example"))
        .isEqualTo("target-admin-secret");
    target.preflight(id);
    verify(imap).preflight(any(), eq("probe@newco.example"));
  }

  @Test
  void microsoft365IsCheckedWithTheAppRegistrationLicenceAndEveryAddress() {
    String id = registration.register(MigrationSamples.valid()).migrationId();
    StoredMigration stored = store.find(id).orElseThrow();
    Microsoft365App app =
        new Microsoft365App(
            "contoso.onmicrosoft.com",
            "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            stored.clientSecret());

    target.preflight(id);
    MailboxState mailbox = store.mailboxes(id).get(2);
    target.provisionMailbox(mailbox.id());

    verify(microsoft365)
        .preflight(
            app,
            "contoso.com",
            "EXCHANGESTANDARD",
            List.of("user0@contoso.com", "user1@contoso.com", "user2@contoso.com"));
    verify(microsoft365)
        .provisionMailbox(
            app,
            new MailboxToProvision(id, mailbox.id(), "user2@contoso.com", "User 2"),
            "EXCHANGESTANDARD",
            "DK");
    verifyNoInteractions(imap);
  }

  @Test
  void theLicenceChoicePreselectsTheMigrationsOwnLicenceAmongTheTenantsOnes() {
    String id = registration.register(MigrationSamples.valid()).migrationId();
    LicenceOffer suite =
        new LicenceOffer(
            "05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", "Microsoft 365 E3", 10, 9, true);
    LicenceOffer exchange =
        new LicenceOffer(
            "4b9405b0-7788-4568-add1-99614e613b69",
            "EXCHANGESTANDARD",
            "Exchange Online (Plan 1)",
            25,
            14,
            true);
    when(microsoft365.licenceOffers(any())).thenReturn(List.of(exchange, suite));

    LicenceChoice choice = target.licenceChoice(id);

    assertThat(choice)
        .isInstanceOfSatisfying(
            LicenceChoice.Offered.class,
            offered -> {
              assertThat(offered.migrationLicence()).isEqualTo(exchange.skuId());
              assertThat(offered.preselected().orElseThrow().label())
                  .isEqualTo("Exchange Online (Plan 1) (EXCHANGESTANDARD): 11 of 25 free");
              assertThat(offered.options()).hasSize(2);
            });
  }

  @Test
  void aLicenceTheTenantNoLongerOffersIsNotPreselected() {
    String id = registration.register(MigrationSamples.valid()).migrationId();
    when(microsoft365.licenceOffers(any()))
        .thenReturn(
            List.of(
                new LicenceOffer(
                    "05e9a617-0261-4cee-bb44-138d3ef5d965",
                    "SPE_E3",
                    "Microsoft 365 E3",
                    10,
                    9,
                    true)));

    LicenceChoice.Offered offered = (LicenceChoice.Offered) target.licenceChoice(id);

    assertThat(offered.migrationLicence()).isNull();
    assertThat(offered.preselected()).isEmpty();
  }

  @Test
  void microsoft365NamesTheTenantsRecordsWithTheSettingsAutodiscoverAsFallback() {
    String id = registration.register(MigrationSamples.valid()).migrationId();
    when(microsoft365.domainRecords(any(), eq("contoso.com")))
        .thenReturn(
            new DomainRecords(
                "MS=ms12345678",
                List.of(
                    new DomainRecords.MailExchanger(0, "contoso-com.mail.protection.outlook.com")),
                null));

    assertThat(target.dnsRecords(id))
        .isEqualTo(
            new TargetDnsRecords(
                "MS=ms12345678",
                List.of(
                    new TargetDnsRecords.MailExchanger(
                        0, "contoso-com.mail.protection.outlook.com")),
                "autodiscover.outlook.com"));
  }

  @Test
  void anUnverifiedDomainIsRetriedAndCarriesItsTxtValue() {
    String id = registration.register(MigrationSamples.valid()).migrationId();
    when(microsoft365.domainRecords(any(), eq("contoso.com")))
        .thenThrow(new DomainNotYetVerified("contoso.com", "MS=ms12345678", "publish it"));

    assertThatThrownBy(() -> target.dnsRecords(id))
        .isInstanceOfSatisfying(
            DomainNotVerifiedYet.class,
            notYet -> assertThat(notYet.verificationText()).isEqualTo("MS=ms12345678"))
        .isInstanceOf(TransientStepFailure.class)
        .hasMessage("publish it");
  }

  @Test
  void microsoft365TokensComeFromTheTenant() {
    String id = registration.register(MigrationSamples.valid()).migrationId();
    when(microsoft365.imapAccessToken(any(), anyBoolean()))
        .thenAnswer(call -> call.getArgument(1, Boolean.class) ? "renewed" : "cached");

    assertThat(target.tokens(id).accessToken("user0@contoso.com")).isEqualTo("cached");
    assertThat(target.tokens(id).renewedAccessToken("user0@contoso.com")).isEqualTo("renewed");
  }
}
