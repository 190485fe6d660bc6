package org.cutover.migration.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cutover.migration.Capabilities;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxEntry;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.MigrationSamples;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.RegistrationLogins;
import org.cutover.migration.SettingsValidation;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.tenant.Microsoft365Target;
import org.cutover.tenant.TenantRecipient;
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
 * Provisioning checks on the real schema (H2): the batch's mailboxes made through the target port,
 * every recipient read back, the status of each and the script for exactly what is missing kept.
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
  org.cutover.migration.BuiltInDnsProviders.class,
  StoredTargetProvisioning.class,
  ProvisioningStore.class,
  StoredTargetProvisioningTest.Setup.class
})
class StoredTargetProvisioningTest {

  @TestConfiguration
  @ComponentScan("org.cutover.secrets")
  static class Setup {
    @Bean
    MutableClock clock() {
      return new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    }
  }

  @MockitoBean RegistrationLogins registrationLogins;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;
  @MockitoBean TargetTenant target;
  @MockitoBean Microsoft365Target microsoft365;

  @Autowired MigrationRegistration registration;
  @Autowired MigrationStore store;
  @Autowired TargetProvisioning provisioning;

  private String register() {
    return registration
        .register(
            MigrationSamples.withMailboxes(
                List.of(
                    new MailboxEntry(
                        "anna@contoso.com",
                        null,
                        "Anna",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("anna.jensen@contoso.com")))))
        .migrationId();
  }

  @Test
  void keepsWhatIsMissingUntilGraphReadsItBackThenNothing() {
    String id = register();
    when(microsoft365.mailbox(any(), eq("anna@contoso.com")))
        .thenReturn(new TenantRecipient(true, "user", Set.of("SMTP:anna@contoso.com"), Set.of()));

    ProvisioningReport first = provisioning.check(id, false);

    verify(target).provisionMailbox(store.mailboxes(id).get(0).id());
    assertThat(first.waitsForAdministrator()).isTrue();
    assertThat(first.missing())
        .containsExactly("anna@contoso.com (user mailbox): alias anna.jensen@contoso.com");
    assertThat(provisioning.script(id).orElseThrow())
        .contains("Set-Mailbox -Identity 'anna@contoso.com' -EmailAddresses @{Add=$address}")
        .contains("'smtp:anna.jensen@contoso.com'");
    assertThat(provisioning.statuses(id).values())
        .singleElement()
        .satisfies(
            status -> {
              assertThat(status.status()).isEqualTo(ProvisioningStatus.MISSING);
              assertThat(status.missing()).isEqualTo("alias anna.jensen@contoso.com");
            });

    when(microsoft365.mailbox(any(), eq("anna@contoso.com")))
        .thenReturn(
            new TenantRecipient(
                true,
                "user",
                Set.of("SMTP:anna@contoso.com", "smtp:anna.jensen@contoso.com"),
                Set.of()));
    ProvisioningReport again = provisioning.check(id, true);

    verify(target, times(2)).provisionMailbox(any());
    assertThat(again.waitsForAdministrator()).isFalse();
    assertThat(again.missing()).isEmpty();
    assertThat(provisioning.script(id)).isEmpty();
    assertThat(provisioning.statuses(id).values())
        .singleElement()
        .extracting(RecipientProvisioning::status)
        .isEqualTo(ProvisioningStatus.PROVISIONED);
  }
}
