package org.cutover.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cutover.testsupport.FreePort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A migration worked in a real browser, as the administrator works it: headless Chromium signs in
 * to Tasklist, starts "Cutover migration" from its start form (fields typed, the mailbox list
 * pasted as CSV), works every task the runbook opens through its form, sees a refused letter edit
 * explained in Tasklist, and watches the instance move on in Cockpit. Behind the browser the whole
 * application runs with its job executor and sync worker, against the demo profile's in-process
 * IMAP source and target, SMTP server and DNS server, with the runbook's waits shortened. A
 * screenshot of every form and of Cockpit lands in {@code target/browser-screenshots/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      // the application runs by itself, as in production: jobs, timers and the sync worker
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.job-execution.wait-time-in-millis=500",
      "camunda.bpm.job-execution.max-wait=2000",
      "cutover.worker.enabled=true",
      "camunda.bpm.generate-unique-process-engine-name=false",
      // the demo zone with a 5 s MX TTL: no wait for the swap, caches clear 5 s after it
      "cutover.dns.embedded-server.zones[0].name=contoso.test",
      "cutover.dns.embedded-server.zones[0].file=classpath:browser/contoso.test.zone",
      "cutover.runbook.txt-retry-wait=PT5S",
      "cutover.runbook.mx-propagation-retry-wait=PT5S",
      "cutover.runbook.final-wait=PT5S",
      "cutover.watch.duration=PT10S",
      "cutover.watch.check-interval=PT5S",
      "cutover.runbook.incremental-sync-cycle=PT10M",
      "cutover.runbook.step-retry-cycle=R3/PT5S",
      "cutover.runbook.licence-deadline=PT30M",
      "cutover.runbook.licence-reminder-before=PT20M",
      // a switch may be planned from a few minutes ahead: the demo zone's TTLs are seconds
      "cutover.switch.assumed-old-mx-ttl=PT0S",
      "cutover.switch.margin=PT0S"
    })
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class TasklistBrowserIT {

  // no hyphen: the starter ignores an engine name with one
  static final String ENGINE = "browser" + UUID.randomUUID().toString().substring(0, 8);
  static final int HTTP = FreePort.pick();
  static final int SOURCE = FreePort.pick();
  static final int TARGET = FreePort.pick();
  static final int SMTP = FreePort.pick();
  static final int DNS = FreePort.pick();
  static final String ADMIN = "admin";
  static final String PASSWORD = "admin-test-password";
  static final String MAILBOX = "anna@contoso.test";
  static final String TOKEN = "contoso-demo-access-token";
  static final String TSIG =
      "cutover-demo:hmac-sha256:Y29udG9zby1kZW1vLXRzaWcta2V5LW5vdC1zZWNyZXQ=";
  static final Duration RUNBOOK_STEPS = Duration.ofMinutes(10);

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> HTTP);
    registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
    registry.add("cutover.demo.source-imap-port", () -> SOURCE);
    registry.add("cutover.demo.target-imap-port", () -> TARGET);
    registry.add("cutover.demo.smtp-port", () -> SMTP);
    registry.add("cutover.dns.embedded-server.port", () -> DNS);
  }

  @BeforeAll
  static void chromium() {
    BrowserSession.requireChromium();
  }

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;

  @Test
  void anAdministratorRunsAMigrationFromTasklistAndWatchesItInCockpit() throws Exception {
    String sourceSecret = storeCredential("contoso source, anna", TOKEN);
    String targetSecret = storeCredential("contoso target, anna", TOKEN);
    String dnsKey = storeCredential("contoso.test TSIG key", TSIG);
    String base = "http://localhost:" + HTTP;

    try (BrowserSession browser = BrowserSession.open()) {
      browser.keepPageOnFailure(
          () -> workTheRunbook(browser, base, sourceSecret, targetSecret, dnsKey));
    }

    assertThat(outboxSubjects()).contains("Hello Anna Berg, your mail at contoso.test moves");
  }

  private void workTheRunbook(
      BrowserSession browser,
      String base,
      String sourceSecret,
      String targetSecret,
      String dnsKey) {
    TasklistPage tasklist = new TasklistPage(browser, base, ENGINE).signIn(ADMIN, PASSWORD);

    // The switch a few minutes ahead: the runbook swaps MX at that time, not before.
    ZonedDateTime switchAt =
        ZonedDateTime.now(ZoneId.of("Europe/Copenhagen"))
            .plusMinutes(6)
            .truncatedTo(ChronoUnit.MINUTES);
    CamundaForm start = tasklist.startProcess("Cutover migration", "start-migration");
    start
        .type("domain", "contoso.test")
        .type("batchName", "contoso-browser")
        .type("mailboxesCsv", "EmailAddress,SourceLogin,DisplayName\n" + MAILBOX + ",,Anna Berg")
        .type("sourceHost", "127.0.0.1")
        .type("sourcePort", String.valueOf(SOURCE))
        .choose("sourceSecurity", "PLAINTEXT")
        .tick("sourceAllowPlaintext")
        .choose("sourceAuth", "PLAIN")
        .type("sourceAdminUser", MAILBOX)
        .type("sourceCredentialId", sourceSecret)
        .type("sourceTestMailbox", MAILBOX)
        .choose("targetType", "IMAP")
        .type("targetHost", "127.0.0.1")
        .type("targetPort", String.valueOf(TARGET))
        .choose("targetSecurity", "PLAINTEXT")
        .tick("targetAllowPlaintext")
        .choose("targetAuth", "PLAIN")
        .type("targetAdminUser", MAILBOX)
        .type("targetCredentialId", targetSecret)
        .type("mxHosts", "10 mail.target.contoso.test")
        .choose("dnsMode", "AUTOMATIC")
        .type("dnsProvider", "rfc2136")
        .type("dnsZone", "contoso.test")
        .type("dnsServer", "127.0.0.1:" + DNS)
        .type("dnsCredentialId", dnsKey)
        .type("maxMxTtl", "60")
        .pickDate("switchDate", switchAt.toLocalDate())
        .type("switchTime", switchAt.toLocalTime().toString())
        .holdsWhatWasTyped();
    assertThat(start.value("switchZone")).as("the zone's default").isEqualTo("Europe/Copenhagen");
    browser.screenshotWhole("start-migration-form");
    tasklist.start();
    String processInstanceId = runningInstance();
    assertThat(firstTask(processInstanceId))
        .as(
            "the start form's settings are accepted: %s",
            engine.getRuntimeService().getVariables(processInstanceId))
        .isEqualTo("communicateChanges");
    String migrationId = history(processInstanceId).getBusinessKey();
    JsonNode planned = api("/api/migrations/" + migrationId + "/switch");
    assertThat(planned.path("zone").asText()).isEqualTo("Europe/Copenhagen");
    assertThat(Instant.parse(planned.path("at").asText()))
        .as("the switch planned in the start form is stored: %s", planned)
        .isEqualTo(switchAt.toInstant());
    // The form's time was set far enough ahead for typing it; moved nearer over REST, the runbook
    // need not wait minutes at the switch for the rest of this walk.
    ZonedDateTime switchNow =
        ZonedDateTime.now(ZoneId.of("Europe/Copenhagen"))
            .plusMinutes(2)
            .truncatedTo(ChronoUnit.MINUTES);
    ResponseEntity<String> moved =
        http.withBasicAuth(ADMIN, PASSWORD)
            .exchange(
                "/api/migrations/" + migrationId + "/switch",
                org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(
                    Map.of(
                        "date", switchNow.toLocalDate().toString(),
                        "time", switchNow.toLocalTime().toString(),
                        "zone", "Europe/Copenhagen")),
                String.class);
    assertThat(moved.getStatusCode().is2xxSuccessful()).as("moved: %s", moved).isTrue();

    // The announcement: an edit with a placeholder letters do not have is refused in Tasklist,
    // the edit stays in the form; corrected, it is stored and sent.
    CamundaForm announcement =
        tasklist.openTask("Communicate upcoming changes", "communicate-changes", RUNBOOK_STEPS);
    browser.screenshot("communicate-changes-form");
    announcement
        .type("letterSubject", "Hello {{firstName}}, your mail moves")
        .tick("announcementApproved");
    tasklist.complete();
    String refusal = tasklist.error();
    browser.screenshot("communicate-changes-refused");
    assertThat(refusal)
        .contains(
            "The announcement letter cannot be stored: the subject uses placeholder"
                + " {{firstName}}, which letters do not have",
            "Correct it in the form and complete the task again.",
            "Meddelelsen kan ikke gemmes. Emnet bruger pladsholderen {{firstName}}",
            "Ret det i formularen, og afslut opgaven igen.")
        .doesNotContain("ENGINE-", "TaskListener");
    assertThat(announcement.value("letterSubject"))
        .as("the refused edit is still in the form")
        .isEqualTo("Hello {{firstName}}, your mail moves");
    tasklist.dismissError();
    announcement.type("letterSubject", "Hello {{displayName}}, your mail at {{domain}} moves");
    tasklist.completeAndWaitUntilGone("Communicate upcoming changes");

    // Every other task the runbook opens, in its order; the runbook's steps run in between.
    CamundaForm licences = tasklist.openTask("Assign licences", "assign-licences", RUNBOOK_STEPS);
    licences.confirmEverything();
    browser.screenshot("assign-licences-form");
    tasklist.completeAndWaitUntilGone("Assign licences");

    CamundaForm welcome =
        tasklist.openTask("Send welcome letter", "send-welcome-letter", RUNBOOK_STEPS);
    welcome.confirmEverything();
    browser.screenshot("send-welcome-letter-form");

    CockpitPage cockpit = new CockpitPage(browser, base, ENGINE).openInstance(processInstanceId);
    String tokens = cockpit.tokensAt("prepareWelcomeLetter");
    browser.screenshot("cockpit-instance-at-welcome-letter");
    assertThat(tokens).isEqualTo("1");

    tasklist.open();
    welcome = tasklist.openTask("Send welcome letter", "send-welcome-letter", RUNBOOK_STEPS);
    welcome.confirmEverything();
    tasklist.completeAndWaitUntilGone("Send welcome letter");

    // After the watch for late mail, its summary comes as a task of its own.
    tasklist.openTask("Review the late mail the watch copied", "review-late-mail", RUNBOOK_STEPS);
    browser.screenshot("review-late-mail-form");
    tasklist.completeAndWaitUntilGone("Review the late mail the watch copied");

    CamundaForm decommission =
        tasklist.openTask("Decommission on-premises server", "decommission-server", RUNBOOK_STEPS);
    decommission.confirmEverything();
    browser.screenshot("decommission-server-form");
    tasklist.completeAndWaitUntilGone("Decommission on-premises server");

    // The runbook ends after the last task's steps; Cockpit's community edition keeps no view of
    // finished instances, so there the instance has left the running ones.
    Awaitility.await()
        .atMost(RUNBOOK_STEPS)
        .until(() -> history(processInstanceId).getState(), "COMPLETED"::equals);
    assertThat(cockpit.runningInstances("cutover-migration")).isEqualTo("0");
    JsonNode migration = api("/api/migrations/" + migrationId);
    assertThat(Instant.parse(migration.path("mxSwitchedAt").asText()))
        .as("MX swapped at the planned switch, not before")
        .isAfterOrEqualTo(switchNow.toInstant());
    browser.screenshot("cockpit-processes-after-decommission");
  }

  private JsonNode api(String path) {
    try {
      return json.readTree(http.withBasicAuth(ADMIN, PASSWORD).getForObject(path, String.class));
    } catch (java.io.IOException unreadable) {
      throw new java.io.UncheckedIOException(unreadable);
    }
  }

  private String storeCredential(String name, String secret) throws Exception {
    ResponseEntity<String> stored =
        http.withBasicAuth(ADMIN, PASSWORD)
            .postForEntity(
                "/api/credentials", Map.of("name", name, "secret", secret), String.class);
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(stored.getBody()).get("id").asText();
  }

  private String runningInstance() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey("cutover-migration")
        .singleResult()
        .getId();
  }

  /** The task the runbook opens first. */
  private String firstTask(String processInstanceId) {
    return Awaitility.await()
        .atMost(RUNBOOK_STEPS)
        .until(
            () ->
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .list()
                    .stream()
                    .map(Task::getTaskDefinitionKey)
                    .findFirst()
                    .orElse(null),
            Objects::nonNull);
  }

  private List<String> outboxSubjects() throws Exception {
    JsonNode outbox =
        json.readTree(
            http.withBasicAuth(ADMIN, PASSWORD).getForObject("/api/demo/outbox", String.class));
    List<String> subjects = new ArrayList<>();
    outbox.forEach(letter -> subjects.add(letter.get("subject").asText()));
    return subjects;
  }

  private HistoricProcessInstance history(String processInstanceId) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult();
  }
}
