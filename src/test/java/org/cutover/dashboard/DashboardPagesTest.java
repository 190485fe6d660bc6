package org.cutover.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.RegistrationLogins;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.migration.reports.PassRecords;
import org.cutover.process.RunbookControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The dashboard's pages in the whole application, with the runbook stubbed: who may see them, what
 * they show of running, finished and cancelled migrations, and both languages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DashboardPagesTest {

  static final String READER = "dashboardreader";

  @MockitoBean RunbookControl runbook;
  @MockitoBean RegistrationLogins logins;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;

  @Autowired MockMvc mvc;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired MigrationRegistration registration;
  @Autowired MigrationStore store;
  @Autowired PassRecords passes;
  @Autowired JdbcClient jdbc;

  DashboardSamples.Stored stored;

  @BeforeEach
  void migrations() {
    clean();
    stored = new DashboardSamples(registration, store, passes, jdbc).store();
    when(runbook.currentSteps(any())).thenReturn(List.of("Initial sync", "Start the batch"));
    when(runbook.openTasks(stored.migrating()))
        .thenReturn(
            List.of(
                new RunbookControl.OpenTask(
                    "task-1",
                    "Start the batch",
                    null,
                    List.of("camunda-admin"),
                    Instant.parse("2026-03-01T09:00:00Z"))));
    when(runbook.stepProblems(stored.migrating()))
        .thenReturn(
            List.of(
                new RunbookControl.StepProblem(
                    "Verify domain TXT record", "TXT record MS=ms1 not found", 0, null)));
    User reader = identity.newUser(READER);
    reader.setPassword("reader-test-password");
    identity.saveUser(reader);
  }

  @AfterEach
  void clean() {
    for (String table :
        List.of(
            "report_skipped_item",
            "report_folder",
            "report_pass",
            "report_mailbox",
            "mailbox",
            "endpoint",
            "planned_switch",
            "migration",
            "secret")) {
      jdbc.sql("DELETE FROM " + table).update();
    }
    if (identity.createUserQuery().userId(READER).count() > 0) {
      identity.deleteUser(READER);
    }
  }

  /** A browser session signed in to the webapps as {@code user}, as their login leaves it. */
  private MockHttpSession signedIn(String user) {
    MockHttpSession session = new MockHttpSession();
    Authentications authentications = new Authentications();
    authentications.addOrReplace(AuthenticationUtil.createAuthentication(engine, user));
    AuthenticationUtil.updateSession(session, authentications);
    return session;
  }

  private String page(MockHttpServletRequestBuilder request) throws Exception {
    MvcResult result =
        mvc.perform(request.session(signedIn("admin")))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn();
    return result.getResponse().getContentAsString();
  }

  @Test
  void withoutSignInThePageSaysHowToSignInAndShowsNoMigration() throws Exception {
    MvcResult result =
        mvc.perform(get("/dashboard").header("Accept-Language", "en"))
            .andExpect(status().isUnauthorized())
            .andReturn();
    String body = result.getResponse().getContentAsString();
    assertThat(body)
        .contains("Sign in first")
        .contains("/camunda/app/welcome/" + engine.getName() + "/#!/login")
        .doesNotContain("contoso.com");
    mvc.perform(get("/dashboard/migrations/" + stored.migrating()))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/dashboard/migrations/" + stored.migrating() + "/report.csv"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aUserWhoIsNotAnAdministratorIsRefused() throws Exception {
    MvcResult result =
        mvc.perform(get("/dashboard").session(signedIn(READER)))
            .andExpect(status().isForbidden())
            .andReturn();
    assertThat(result.getResponse().getContentAsString())
        .contains("camunda-admin")
        .doesNotContain("contoso.com");
  }

  @Test
  void aPostIsRefusedAsPossiblyCrossSite() throws Exception {
    mvc.perform(post("/dashboard").session(signedIn("admin"))).andExpect(status().isForbidden());
  }

  @Test
  void theListShowsFinishedAndCancelledMigrationsBesideTheRunningOne() throws Exception {
    String body = page(get("/dashboard").header("Accept-Language", "en-GB,en;q=0.8"));

    assertThat(body)
        .contains("data-id=\"" + stored.completed() + "\"")
        .contains("data-id=\"" + stored.cancelled() + "\"")
        .contains("data-id=\"" + stored.migrating() + "\"")
        .contains("Finished or cancelled")
        .contains(">Completed<")
        .contains(">Cancelled<")
        .contains(">Migrating<");
    String ended = body.substring(body.indexOf("id=\"ended\""));
    assertThat(ended).contains(stored.completed()).doesNotContain(stored.migrating());
  }

  @Test
  void aMigrationShowsItsTimelineWhatItWaitsForAndLinksIntoTasklistAndCockpit() throws Exception {
    jdbc.sql("UPDATE migration SET process_instance_id = 'pi-1' WHERE id = :id")
        .param("id", stored.migrating())
        .update();

    String body = page(get("/dashboard/migrations/" + stored.migrating()).param("lang", "en"));

    assertThat(body)
        .contains("Task &quot;Start the batch&quot;")
        .contains("group camunda-admin")
        .contains("/camunda/app/tasklist/" + engine.getName() + "/#/?task=task-1")
        .contains("Step &quot;Verify domain TXT record&quot; failed")
        .contains("/camunda/app/cockpit/" + engine.getName() + "/#/process-instance/pi-1/")
        .contains("Cutover is at &quot;Initial sync&quot;")
        .contains("No switch time is planned yet.")
        .contains("http-equiv=\"refresh\"")
        .contains("<svg id=\"status-chart\"");
    assertThat(body).contains("Synced with errors").contains("Failed").contains("Syncing");
    assertThat(body)
        .contains(DashboardSamples.FAILURE)
        .contains("<progress max=\"100\" value=\"25\"");
  }

  @Test
  void aMigrationChartsWhatItsPassesCopiedOverTime() throws Exception {
    String body = page(get("/dashboard/migrations/" + stored.migrating()).param("lang", "en"));

    String chart = body.substring(body.indexOf("<svg id=\"copied-chart\""));
    chart = chart.substring(0, chart.indexOf("</svg>"));
    assertThat(chart)
        .contains(">Messages copied<")
        .contains(">Data copied<")
        .contains(">200<")
        .contains(">2.0 MiB<")
        .contains(">2026-03-01 10:00 UTC<")
        .contains(">2026-03-01 10:46 UTC<")
        .contains("Time (UTC)");
    // Both lines rise from nothing at the first pass's start to the whole batch at the last end.
    assertThat(chart)
        .contains("points=\"86.0,128.0 ")
        .contains("points=\"86.0,272.0 ")
        .containsPattern("class=\"line\" points=\"[^\"]* 584\\.0,28\\.0\"");
    assertThat(body)
        .contains(
            "200 messages and 1.9 MiB copied by 2 passes from 2026-03-01 10:00 UTC to"
                + " 2026-03-01 10:45 UTC, each counted when it ended, in steps of one minute.");
  }

  @Test
  void withoutTwoPassesThePageSaysSoInsteadOfDrawing() throws Exception {
    String none = page(get("/dashboard/migrations/" + stored.cancelled()).param("lang", "en"));
    assertThat(none)
        .contains("No pass has ended yet: the chart starts when passes have ended.")
        .doesNotContain("copied-chart");

    jdbc.sql("DELETE FROM report_pass WHERE mailbox_id = :id")
        .param("id", store.mailboxes(stored.migrating()).get(1).id())
        .update();
    String one = page(get("/dashboard/migrations/" + stored.migrating()).param("lang", "da"));
    assertThat(one)
        .contains("Ét gennemløb indtil nu, afsluttet 2026-03-01 10:20 UTC: 120 beskeder")
        .doesNotContain("copied-chart");
  }

  @Test
  void theBatchTableFiltersAndSorts() throws Exception {
    List<MailboxState> batch = store.mailboxes(stored.migrating());

    String failed =
        page(get("/dashboard/migrations/" + stored.migrating()).param("status", "failed"));
    assertThat(failed)
        .contains(batch.get(3).emailAddress())
        .doesNotContain(">" + batch.get(0).emailAddress() + "<");

    String searched = page(get("/dashboard/migrations/" + stored.migrating()).param("q", "USER1"));
    assertThat(searched)
        .contains(">" + batch.get(1).emailAddress() + "<")
        .doesNotContain(">" + batch.get(0).emailAddress() + "<");

    String sorted =
        page(get("/dashboard/migrations/" + stored.migrating()).param("sort", "-messagesCopied"));
    assertThat(sorted.indexOf(">" + batch.get(0).emailAddress() + "<"))
        .isLessThan(sorted.indexOf(">" + batch.get(1).emailAddress() + "<"));
    assertThat(sorted).contains("sort=messagesCopied").contains("▼");

    mvc.perform(
            get("/dashboard/migrations/" + stored.migrating())
                .param("status", "lost")
                .session(signedIn("admin")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aFinishedMigrationShowsWhatItsMailboxesLastPassLeft() throws Exception {
    String body = page(get("/dashboard/migrations/" + stored.completed()).param("lang", "en"));

    assertThat(body)
        .contains("Nothing: the runbook has ended.")
        .contains(">Synced<")
        .contains("batch deleted")
        .doesNotContain("http-equiv=\"refresh\"");
  }

  @Test
  void aMailboxShowsItsFoldersAndTheMessagesNotCopied() throws Exception {
    MailboxState withErrors = store.mailboxes(stored.migrating()).get(1);

    String body =
        page(
            get("/dashboard/migrations/" + stored.migrating() + "/mailboxes/" + withErrors.id())
                .param("lang", "en"));

    assertThat(body)
        .contains(withErrors.emailAddress())
        .contains("Synced with errors")
        .contains(DashboardSamples.TOO_LARGE_SUBJECT)
        .contains("Over the size limit")
        .contains("differs by the messages not copied")
        .contains("Verified");
  }

  @Test
  void danishComesFromTheBrowserOrTheSwitch() throws Exception {
    String fromBrowser = page(get("/dashboard").header("Accept-Language", "da-DK,da;q=0.9"));
    assertThat(fromBrowser)
        .contains("lang=\"da\"")
        .contains("Afsluttet eller annulleret")
        .contains(">Fuldført<")
        .contains(">Annulleret<");

    String switched =
        page(
            get("/dashboard/migrations/" + stored.migrating())
                .param("lang", "da")
                .header("Accept-Language", "en"));
    assertThat(switched)
        .contains("Hvad drejebogen venter på")
        .contains("Synkroniseret med fejl")
        .contains("Kopierede beskeder og data over tid")
        .contains("i trin på ét minut")
        .contains("lang=da");
  }

  @Test
  void anUnknownMigrationIsNotFound() throws Exception {
    mvc.perform(get("/dashboard/migrations/no-such-id").session(signedIn("admin")))
        .andExpect(status().isNotFound());
  }

  @Test
  void theReportDownloadsAfterSignIn() throws Exception {
    MvcResult csv =
        mvc.perform(
                get("/dashboard/migrations/" + stored.completed() + "/report.csv")
                    .session(signedIn("admin")))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(csv.getResponse().getContentAsString())
        .startsWith("EmailAddress,Status,ItemsSynced")
        .contains(",Synced,40,0,");
  }
}
