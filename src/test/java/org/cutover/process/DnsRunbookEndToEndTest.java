package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.cutover.dns.DnsZone;
import org.cutover.dns.NameServer;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.TsigKey;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.cutover.dns.server.InProcessDnsServer;
import org.cutover.migration.DnsChangeHistory;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MigrationPhase;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.RecordedDnsChange;
import org.cutover.migration.StoredMigration;
import org.cutover.migration.TargetDnsRecords;
import org.cutover.migration.TargetTenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The runbook's DNS part for real: the whole application, a migration registered through the API,
 * the real model and delegates, {@code ZoneDnsRunbook} changing a zone of the in-process DNS server
 * by RFC 2136 with the stored TSIG key. Only the target, the sync engine and the letters are test
 * doubles. The job executor is off: the test runs the jobs and moves the engine clock (which the
 * application's clock follows) to fire timers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
@Import(EngineClockConfiguration.class)
class DnsRunbookEndToEndTest {

  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  static final RequestPostProcessor ADMIN =
      request -> {
        request.addHeader("X-Requested-By", "cutover");
        return httpBasic("admin", "admin-test-password").postProcessRequest(request);
      };
  static final String TSIG_SECRET = "m2ZkQm1hYy1zaGEyNTYtZW5kLXRvLWVuZC1rZXktMDE=";
  static final TsigKey KEY = new TsigKey("cutover-e2e", "hmac-sha256", () -> TSIG_SECRET);
  static final List<String> SYNC_VARIABLES = List.of("migrationId", "mailboxId", "syncMode");

  static final InProcessDnsServer DNS = startDns();

  static String zone(String domain) {
    return """
        $TTL 3600
        @       IN SOA  ns1.%1$s. hostmaster.%1$s. ( 2026030101 3600 900 604800 300 )
                IN NS   ns1.%1$s.
                86400 IN MX 10 mail.%1$s.
                IN TXT  "v=spf1 mx -all"
                IN TXT  "MS=ms12345678"
        ns1     IN A    127.0.0.1
        mail    IN A    192.0.2.25
        autodiscover IN A 192.0.2.80
        """
        .formatted(domain);
  }

  private static InProcessDnsServer startDns() {
    try {
      InProcessDnsServer server =
          new InProcessDnsServer(InetAddress.getLoopbackAddress(), 0, List.of(KEY));
      server.start();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("The in-process DNS server did not start", e);
    }
  }

  @DynamicPropertySource
  static void dnsServers(DynamicPropertyRegistry properties) {
    String server = "127.0.0.1:" + DNS.port();
    properties.add("cutover.dns.authoritative-servers", () -> server);
    properties.add("cutover.dns.resolvers", () -> server);
    properties.add("cutover.dns.timeout", () -> "2s");
  }

  @AfterAll
  static void stopDns() {
    DNS.close();
  }

  /** The application's clock is the engine's, so DNS journal times and timers agree. */
  @TestConfiguration
  static class Doubles {

    /** The target is a test double: every recipient is there already. */
    @Bean
    @Primary
    org.cutover.migration.provisioning.TargetProvisioning nothingMissingAtTheTarget() {
      return new ScriptedTargetProvisioning();
    }

    @Bean
    @Primary
    Ports ports(MigrationStore store) {
      return new Ports(store);
    }

    /** No mail to bring back from a target that is a test double: the way back copies nothing. */
    @Bean
    @Primary
    org.cutover.migration.wayback.MailWayBack nothingToCopyBack() {
      return new org.cutover.migration.wayback.MailWayBack() {
        @Override
        public List<String> copyBack(String migrationId) {
          return List.of();
        }

        @Override
        public java.util.Optional<org.cutover.migration.wayback.WayBackReport> report(
            String migrationId) {
          return java.util.Optional.empty();
        }
      };
    }
  }

  /** The target, the sync engine and the letters: recording what they are asked. */
  static final class Ports extends RecordedSyncAndLetters implements TargetTenant {

    private final MigrationStore store;

    Ports(MigrationStore store) {
      this.store = store;
    }

    @Override
    public void preflight(String migrationId) {
      calls.add("preflight");
    }

    @Override
    public void provisionMailbox(String mailboxId) {
      calls.add("provision " + mailboxId);
    }

    @Override
    public TargetDnsRecords dnsRecords(String migrationId) {
      String domain = store.find(migrationId).orElseThrow().summary().domain();
      return new TargetDnsRecords(
          "MS=ms12345678",
          List.of(
              new TargetDnsRecords.MailExchanger(
                  0, domain.replace('.', '-') + ".mail.protection.outlook.com")),
          "autodiscover.outlook.com");
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired MigrationStore store;
  @Autowired DnsChangeHistory history;
  @Autowired MailboxSyncWorker worker;
  @Autowired Ports ports;

  /** The process instance of the test's migration. */
  private String instance;

  @BeforeEach
  void startTheClock() {
    ClockUtil.setCurrentTime(Date.from(START));
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void runsEveryDnsStepOfTheRunbookOnTheZone() throws Exception {
    String domain = "contoso.test";
    DNS.addZone(domain, zone(domain));
    String id = register(domain);

    runUntilTheSwapWaits(id, domain);
    Instant safeAt = journalled(id, "LOWER_MX_TTL").appliedAt().plusSeconds(86400);
    assertThat(timer("oldMxTtlRunOut").getDuedate().toInstant()).isEqualTo(safeAt);
    assertThat(mx(domain)).isEqualTo(originalMx(domain, 3600));

    fire("oldMxTtlRunOut");
    assertThat(mx(domain)).isEqualTo(targetMx(domain, 3600));
    RecordedDnsChange swap = journalled(id, "SWAP_MX");
    assertThat(swap.appliedAt()).isAfter(safeAt);
    StoredMigration swapped = store.find(id).orElseThrow();
    assertThat(swapped.mxSwitchedAt()).isEqualTo(swap.appliedAt());
    assertThat(variable("mxSwitchedAt")).isEqualTo(swap.appliedAt().toString());

    int checks = waitForPropagation();
    assertThat(checks).isGreaterThan(1);
    assertThat(hasTimer("finalWaitOver")).isTrue();

    long finalPassesBefore = ports.calls.stream().filter("sync FINAL"::equals).count();
    fire("finalWaitOver");
    assertThat(workSyncTasks()).isEqualTo(2);
    assertThat(ports.calls.stream().filter("sync FINAL"::equals).count() - finalPassesBefore)
        .isEqualTo(2);
    for (MailboxState mailbox : store.mailboxes(id)) {
      assertThat(mailbox.lastSuccessfulSync()).isAfter(swapped.mxSwitchedAt());
    }
    assertThat(currentTask()).isEqualTo("prepareWelcomeLetter");

    assertThat(read(domain, "autodiscover." + domain, RecordType.A)).isEmpty();
    assertThat(read(domain, "autodiscover." + domain, RecordType.CNAME))
        .contains(
            RecordSet.of(
                "autodiscover." + domain, RecordType.CNAME, 3600, "autodiscover.outlook.com."));
    assertThat(read(domain, domain, RecordType.TXT).orElseThrow().texts())
        .containsExactlyInAnyOrder(
            "v=spf1 mx include:spf.protection.outlook.com -all", "MS=ms12345678");
    assertThat(mx(domain)).isEqualTo(targetMx(domain, 86400));

    complete("prepareWelcomeLetter", Map.of("welcomeLetterApproved", true));
    // the watch for late mail: its looks on the engine clock, then its summary
    while (hasTimer("lateMailCheckDue")) {
      fire("lateMailCheckDue");
    }
    complete("reviewLateMail", Map.of());
    complete("decommissionServer", Map.of("serverDecommissioned", true));
    assertThat(store.find(id).orElseThrow().summary().phase()).isEqualTo(MigrationPhase.COMPLETED);

    JsonNode view = details(id);
    List<String> steps = new ArrayList<>();
    view.path("dnsChanges").forEach(change -> steps.add(change.path("step").asText()));
    assertThat(steps)
        .containsExactly(
            "LOWER_MX_TTL",
            "SWAP_MX",
            "AUTODISCOVER_CLEAR",
            "AUTODISCOVER_CNAME",
            "SPF",
            "RESTORE_MX_TTL");
    JsonNode lowered = view.path("dnsChanges").get(0);
    assertThat(lowered.path("before").path("ttl").asLong()).isEqualTo(86400);
    assertThat(lowered.path("after").path("ttl").asLong()).isEqualTo(3600);
    assertThat(view.path("mxSwitchedAt").asText()).isEqualTo(swap.appliedAt().toString());
  }

  @Test
  void aCancelAfterTheSwapPutsBackTheOriginalMxAndTtl() throws Exception {
    String domain = "fabrikam.test";
    DNS.addZone(domain, zone(domain));
    String id = register(domain);
    runUntilTheSwapWaits(id, domain);
    fire("oldMxTtlRunOut");
    assertThat(mx(domain)).isEqualTo(targetMx(domain, 3600));

    mvc.perform(post("/api/migrations/" + id + "/cancel").with(ADMIN))
        .andExpect(status().isAccepted());
    runJobs();

    assertThat(mx(domain)).isEqualTo(originalMx(domain, 86400));
    StoredMigration cancelled = store.find(id).orElseThrow();
    assertThat(cancelled.summary().phase()).isEqualTo(MigrationPhase.CANCELLED);
    assertThat(history.changes(id))
        .extracting(RecordedDnsChange::step)
        .containsExactly("LOWER_MX_TTL", "SWAP_MX");
    assertThat(history.changes(id))
        .allSatisfy(change -> assertThat(change.rolledBackAt()).isNotNull());
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .count())
        .isZero();
    assertThat(read(domain, "autodiscover." + domain, RecordType.A)).isPresent();
  }

  // ---------------------------------------------------------------- the walk up to the swap

  @Test
  void guidedModeWaitsForThePersonAtTheDnsHostAndChecksEveryRecordByLookUp() throws Exception {
    String domain = "fabrikam.test";
    DNS.addZone(domain, zone(domain));
    String id = register(domain, "GUIDED");

    complete("communicateChanges", Map.of("announcementApproved", true));
    // guided: no plan to approve, the first DNS step asks for the lowered TTL
    assertThat(currentTask()).isEqualTo("setLoweredTtlRecord");
    assertThat((String) variable("dnsInstruction"))
        .contains(domain + ". 3600 IN MX 10 mail." + domain + ".");
    // completing the task while the zone is unchanged opens it again with what the servers show
    complete("setLoweredTtlRecord", Map.of("dnsRecordSet", true));
    assertThat(currentTask()).isEqualTo("setLoweredTtlRecord");
    assertThat((String) variable("dnsSeenNow")).contains("86400");
    assertThat(mx(domain)).isEqualTo(originalMx(domain, 86400));

    List<String> asked = new ArrayList<>();
    for (int step = 0; step < 40; step++) {
      String task = currentTaskOrNull();
      if (task == null) {
        if (hasAnyTimer()) {
          fireNextTimer();
        }
        workSyncTasks();
        runJobs();
        continue;
      }
      if (task.startsWith("set")) {
        asked.add(task);
        actAtTheDnsHost(domain, (String) variable("dnsInstruction"));
        complete(task, Map.of("dnsRecordSet", true));
      } else if (task.equals("decommissionServer")) {
        complete(task, Map.of("serverDecommissioned", true));
        break;
      } else {
        complete(task, Map.of("licencesAssigned", true, "welcomeLetterApproved", true));
      }
    }

    assertThat(store.find(id).orElseThrow().summary().phase()).isEqualTo(MigrationPhase.COMPLETED);
    assertThat(asked)
        .containsSubsequence(
            "setLoweredTtlRecord",
            "setMxRecords",
            "setAutodiscoverRecord",
            "setSpfRecord",
            "setRestoredTtlRecord")
        .doesNotContain("setRollbackRecord");
    assertThat(mx(domain)).isEqualTo(targetMx(domain, 86400));
    assertThat(read(domain, "autodiscover." + domain, RecordType.CNAME))
        .contains(
            RecordSet.of(
                "autodiscover." + domain, RecordType.CNAME, 3600, "autodiscover.outlook.com."));
  }

  /** What a person does with the task's instruction at the DNS host, line by line. */
  private void actAtTheDnsHost(String domain, String instruction) {
    List<String> lines = instruction.lines().toList();
    boolean remove = lines.get(0).startsWith("Remove");
    String name = null;
    RecordType type = null;
    long ttl = 0;
    List<String> values = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split(" ", 5);
      name = parts[0];
      ttl = Long.parseLong(parts[1]);
      type = RecordType.valueOf(parts[3]);
      values.add(parts[4]);
    }
    DnsZone zone = zoneOf(domain);
    Optional<RecordSet> now = zone.read(name, type).known().orElseThrow();
    if (remove) {
      zone.delete(now.orElseThrow());
    } else {
      zone.upsert(new RecordSet(name, type, ttl, values), now);
    }
  }

  private String currentTaskOrNull() {
    Task task =
        engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    return task == null ? null : task.getTaskDefinitionKey();
  }

  private boolean hasAnyTimer() {
    return engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance)
            .timers()
            .count()
        > 0;
  }

  private void fireNextTimer() {
    Job next =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance)
            .timers()
            .orderByJobDuedate()
            .asc()
            .list()
            .get(0);
    if (next.getDuedate().toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())) {
      ClockUtil.setCurrentTime(java.util.Date.from(next.getDuedate().toInstant().plusSeconds(1)));
    }
    engine.getManagementService().executeJob(next.getId());
    runJobs();
  }

  private String register(String domain) throws Exception {
    return register(domain, "AUTOMATIC");
  }

  private String register(String domain, String mode) throws Exception {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("host", "mail." + domain);
    source.put("security", "IMPLICIT_TLS");
    source.put("auth", "DELEGATED_ADMIN");
    source.put("adminUser", "migration-admin@" + domain);
    source.put("password", "S0urce-Admin-Pa55!");
    source.put("testMailbox", "anna@" + domain);
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "MICROSOFT_365");
    target.put("tenantId", domain.replace(".test", "") + ".onmicrosoft.com");
    target.put("clientId", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    target.put("clientSecret", "cl1ent~Secret.Value");
    target.put("licenceSku", "EXCHANGESTANDARD");
    target.put("usageLocation", "DK");
    Map<String, Object> dns = new LinkedHashMap<>();
    dns.put("mode", mode);
    dns.put("zone", domain);
    if (mode.equals("AUTOMATIC")) {
      dns.put("provider", "rfc2136");
      dns.put("server", "127.0.0.1:" + DNS.port());
      dns.put("credentials", "cutover-e2e:hmac-sha256:" + TSIG_SECRET);
    }
    dns.put("autodiscoverOverwriteConsent", true);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", domain);
    body.put("batchName", "wave-1");
    body.put(
        "mailboxes",
        List.of(
            Map.of("emailAddress", "anna@" + domain, "displayName", "Anna"),
            Map.of("emailAddress", "bo@" + domain, "displayName", "Bo")));
    body.put("source", source);
    body.put("target", target);
    body.put("dns", dns);
    body.put("autoStartBatch", true);
    String created =
        mvc.perform(
                post("/api/migrations")
                    .with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = json.readTree(created).path("id").asText();
    instance = store.find(id).orElseThrow().processInstanceId();
    runJobs(); // the preflight, before the announcement task
    return id;
  }

  /**
   * From the announcement through the TTL lowering, the batch, to the swap refused as too early.
   */
  private void runUntilTheSwapWaits(String id, String domain) {
    complete("communicateChanges", Map.of("announcementApproved", true));
    assertThat(variable("txtRecordFound")).isEqualTo(true);
    // nothing changes before the administrator approves the plan
    assertThat(currentTask()).isEqualTo("approveDnsChanges");
    assertThat((String) variable("dnsPlan")).contains("86400 s → 3600 s");
    assertThat(read(domain, domain, RecordType.MX).orElseThrow().ttl()).isEqualTo(86400);
    complete("approveDnsChanges", Map.of("dnsChangesApproved", true));
    assertThat(journalled(id, "LOWER_MX_TTL").before().ttl()).isEqualTo(86400);
    assertThat(workSyncTasks()).isEqualTo(2);
    complete("assignLicences", Map.of("licencesAssigned", true));
    assertThat(variable("dnsOutcome")).isEqualTo("NOT_YET");
    assertThat(hasTimer("oldMxTtlRunOut")).isTrue();
    assertThat(read(domain, domain, RecordType.MX)).isPresent();
  }

  /** Checks propagation on its retry timer until it is complete; how many checks it took. */
  private int waitForPropagation() {
    int checks = 1;
    while (hasTimer("propagationRetryWaited")) {
      if (checks++ > 10) {
        fail("MX propagation was still incomplete after 10 checks");
      }
      fire("propagationRetryWaited");
    }
    return checks;
  }

  // ---------------------------------------------------------------- the zone

  private DnsZone zoneOf(String domain) {
    return new Rfc2136Zone(domain, nameServer(), KEY, Duration.ofSeconds(30));
  }

  private static NameServer nameServer() {
    return DNS.nameServer();
  }

  private Optional<RecordSet> read(String domain, String name, RecordType type) {
    return zoneOf(domain).read(name, type).known().orElseThrow();
  }

  private RecordSet mx(String domain) {
    return read(domain, domain, RecordType.MX).orElseThrow();
  }

  private static RecordSet originalMx(String domain, long ttl) {
    return RecordSet.of(domain, RecordType.MX, ttl, "10 mail." + domain + ".");
  }

  private static RecordSet targetMx(String domain, long ttl) {
    return RecordSet.of(
        domain,
        RecordType.MX,
        ttl,
        "0 " + domain.replace('.', '-') + ".mail.protection.outlook.com.");
  }

  private RecordedDnsChange journalled(String id, String step) {
    return history.changes(id).stream()
        .filter(change -> change.step().equals(step))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no " + step + " change journalled"));
  }

  private JsonNode details(String id) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/migrations/" + id).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  // ---------------------------------------------------------------- driving the engine

  private void runJobs() {
    AsyncContinuations.runAll(engine.getManagementService());
  }

  private Job timer(String activityId) {
    Job job =
        engine
            .getManagementService()
            .createJobQuery()
            .timers()
            .processInstanceId(instance)
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("timer at %s", activityId).isNotNull();
    return job;
  }

  private boolean hasTimer(String activityId) {
    return engine
            .getManagementService()
            .createJobQuery()
            .timers()
            .processInstanceId(instance)
            .activityId(activityId)
            .count()
        > 0;
  }

  /** Moves the engine clock just past the timer's due date, fires it and runs what follows. */
  private void fire(String activityId) {
    Job timer = timer(activityId);
    Instant due = timer.getDuedate().toInstant().plusSeconds(1);
    if (due.isAfter(ClockUtil.getCurrentTime().toInstant())) {
      ClockUtil.setCurrentTime(Date.from(due));
    }
    engine.getManagementService().executeJob(timer.getId());
    runJobs();
  }

  private void complete(String taskKey, Map<String, Object> variables) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("user task %s", taskKey).isNotNull();
    engine.getTaskService().complete(task.getId(), variables);
    runJobs();
  }

  private String currentTask() {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance)
        .singleResult()
        .getTaskDefinitionKey();
  }

  private int workSyncTasks() {
    int worked = new EngineExternalTasks(engine).work(worker);
    runJobs();
    return worked;
  }

  private Object variable(String name) {
    return engine.getRuntimeService().getVariable(instance, name);
  }
}
