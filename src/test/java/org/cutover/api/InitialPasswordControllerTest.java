package org.cutover.api;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.StoredMigration;
import org.cutover.tenant.InitialPasswords;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/migrations/{id}/initial-passwords: CSV once, then 410 Gone; administrators only. */
@WebMvcTest(controllers = InitialPasswordController.class)
@Import({ApiSecurity.class, CamundaUserAuthentication.class})
class InitialPasswordControllerTest {

  static final String ID = "6808d0ff-5b12-4117-8bf6-8b87f6c46496";
  static final String URL = "/api/migrations/" + ID + "/initial-passwords";

  @MockitoBean MigrationStore store;
  @MockitoBean InitialPasswords passwords;
  @MockitoBean IdentityService identity;

  @Autowired MockMvc mvc;

  void migrationExists() {
    when(store.find(ID)).thenReturn(Optional.of(Mockito.mock(StoredMigration.class)));
  }

  @Test
  @WithMockUser(roles = CamundaUserAuthentication.ADMIN_ROLE)
  void handsTheCsvOutAsAnAttachmentNeverCached() throws Exception {
    migrationExists();
    String csv =
        "EmailAddress,DisplayName,InitialPassword\r\nanna@contoso.com,Anna,Xy7#kP2mQ9rT4vW8\r\n";
    when(passwords.handOut(ID)).thenReturn(new InitialPasswords.HandOut.Csv(csv, 1));

    mvc.perform(get(URL).accept("text/csv"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(content().string(csv))
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    "attachment; filename=\"initial-passwords-" + ID + ".csv\""));
  }

  @Test
  @WithMockUser(roles = CamundaUserAuthentication.ADMIN_ROLE)
  void aSecondCallIsGoneWithAProblemSayingWhatToDo() throws Exception {
    migrationExists();
    when(passwords.handOut(ID))
        .thenReturn(
            new InitialPasswords.HandOut.AlreadyTaken(Instant.parse("2026-03-01T08:00:00Z")));

    mvc.perform(get(URL).accept("text/csv"))
        .andExpect(status().isGone())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:initial-passwords-taken"))
        .andExpect(jsonPath("$.status").value(410))
        .andExpect(jsonPath("$.detail", containsString("handed out at 2026-03-01T08:00:00Z")))
        .andExpect(jsonPath("$.detail", containsString("reset the password")));
  }

  @Test
  @WithMockUser(roles = CamundaUserAuthentication.ADMIN_ROLE)
  void noUserCreatedYetIsNotFound() throws Exception {
    migrationExists();
    when(passwords.handOut(ID)).thenReturn(new InitialPasswords.HandOut.None());

    mvc.perform(get(URL))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:no-initial-passwords"));
  }

  @Test
  @WithMockUser(roles = CamundaUserAuthentication.ADMIN_ROLE)
  void anUnknownMigrationIsNotFoundAndHandsNothingOut() throws Exception {
    when(store.find(ID)).thenReturn(Optional.empty());

    mvc.perform(get(URL))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:not-found"));
    verifyNoInteractions(passwords);
  }

  @Test
  void refusesCallsWithoutLogin() throws Exception {
    mvc.perform(get(URL)).andExpect(status().isUnauthorized());
    verifyNoInteractions(passwords);
  }

  @Test
  @WithMockUser(roles = "USER")
  void refusesUsersWhoAreNotAdministrators() throws Exception {
    mvc.perform(get(URL)).andExpect(status().isForbidden());
    verifyNoInteractions(passwords);
  }
}
