package org.cutover.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.cutover.migration.BuiltInDnsProviders;
import org.cutover.migration.Capabilities;
import org.cutover.migration.DnsChangeHistory;
import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.SettingsValidation;
import org.cutover.process.RunbookControl;
import org.cutover.process.RunbookDefaults;
import org.cutover.process.RunbookStarts;
import org.cutover.secrets.SecretStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No mail sync, target, letters or DNS bean is configured: a new migration is refused at once with
 * a problem naming each missing capability and what configures it, and nothing is stored or
 * started.
 */
@WebMvcTest(controllers = MigrationController.class)
@Import({
  org.cutover.migration.letters.MailClientDefaults.class,
  ApiSecurity.class,
  CamundaUserAuthentication.class,
  MigrationLauncher.class,
  RunbookStarts.class,
  MigrationRegistration.class,
  Capabilities.class,
  SettingsValidation.class,
  BuiltInDnsProviders.class,
  StrictJson.class
})
@EnableConfigurationProperties({
  RunbookDefaults.class,
  org.cutover.migration.letters.UserLetterSettings.class
})
@WithMockUser(roles = CamundaUserAuthentication.ADMIN_ROLE)
class MissingCapabilityTest {

  @MockitoBean MigrationStore store;
  @MockitoBean org.cutover.migration.recipients.RecipientStore recipientStore;
  @MockitoBean org.cutover.mxproof.MxProofs mxProofs;
  @MockitoBean org.cutover.process.SwitchTimeControl switchTimes;
  @MockitoBean org.cutover.migration.recipients.BatchRecipients recipients;
  @MockitoBean org.cutover.migration.letters.UsersClientSettings clientSettings;
  @MockitoBean org.cutover.migration.RegistrationLogins registrationLogins;
  @MockitoBean org.cutover.migration.PreflightReports preflightReports;
  @MockitoBean org.cutover.migration.RequestedMailboxes requestedMailboxes;
  @MockitoBean org.cutover.migration.FinalSweeps finalSweeps;
  @MockitoBean DnsChangeHistory dnsChanges;
  @MockitoBean SecretStore secrets;
  @MockitoBean RunbookControl runbook;
  @MockitoBean IdentityService identity;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void refusesANewMigrationNamingEveryMissingCapability() throws Exception {
    mvc.perform(
            post("/api/migrations")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(MigrationApiTest.migration(2))))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:capability-missing"))
        .andExpect(jsonPath("$.detail", containsString("Nothing was stored or started")))
        .andExpect(jsonPath("$.detail", containsString("MailboxSyncEngine")))
        .andExpect(jsonPath("$.missingCapabilities", hasSize(4)))
        .andExpect(jsonPath("$.missingCapabilities[0].capability").value("MAIL_SYNC"))
        .andExpect(jsonPath("$.missingCapabilities[1].port").value("TargetTenant"))
        .andExpect(jsonPath("$.missingCapabilities[2].port").value("UserLetters"))
        .andExpect(jsonPath("$.missingCapabilities[3].port").value("DnsRunbook"))
        .andExpect(
            jsonPath("$.missingCapabilities[3].configuration", containsString("cutover.dns")));

    verifyNoInteractions(store, dnsChanges, secrets, runbook);
  }

  @Test
  void invalidSettingsAreReportedBeforeMissingCapabilities() throws Exception {
    mvc.perform(post("/api/migrations").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest());

    verifyNoInteractions(store, dnsChanges, secrets, runbook);
  }
}
