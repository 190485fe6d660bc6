package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cutover.dns.DnsChange;
import org.cutover.dns.DnsStep;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.JdbcDnsChangeJournal;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.process.RunbookControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The planned switch over REST in the whole application: set with the migration or later, moved,
 * and refused with a problem naming the field in the request's language, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlannedSwitchApiTest {

  static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

  @MockitoBean RunbookControl runbook;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void runbookStarts() {
    when(runbook.start(any())).thenReturn("process-instance-1");
    when(runbook.currentSteps(any())).thenReturn(List.of("Verify domain TXT record"));
  }

  @AfterEach
  void emptyTables() {
    for (String table :
        List.of("planned_switch", "dns_change", "mailbox", "endpoint", "migration", "secret")) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  @Test
  void plansTheSwitchWithTheMigrationAndMovesItLater() throws Exception {
    ZonedDateTime first = inDays(3, 18);
    Map<String, Object> body = MigrationApiTest.migration(2);
    body.put("plannedSwitch", time(first));
    MvcResult created = create(body).andExpect(status().isCreated()).andReturn();
    String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();

    mvc.perform(get("/api/migrations/" + id + "/switch").with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.date").value(first.toLocalDate().toString()))
        .andExpect(jsonPath("$.time").value("18:00:00"))
        .andExpect(jsonPath("$.zone").value("Europe/Copenhagen"))
        .andExpect(jsonPath("$.at").value(first.toInstant().toString()))
        .andExpect(jsonPath("$.moves").value(0));

    ZonedDateTime later = inDays(4, 7);
    put(id, time(later), "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.at").value(later.toInstant().toString()))
        .andExpect(jsonPath("$.moves").value(1));
    put(id, time(later), "en").andExpect(jsonPath("$.moves").value(1));
  }

  @Test
  void aSwitchInThePastIsRefusedNamingTheFieldInEnglishAndDanishAndNothingIsStored()
      throws Exception {
    String id = createdId();
    Map<String, Object> past = time(inDays(-1, 9));

    put(id, past, "en")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:invalid-settings"))
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].path").value("$.date"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("must be in the future; choose a later day or time"));
    put(id, past, "da")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.date"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("skal ligge i fremtiden; vælg en senere dag eller et senere klokkeslæt"));
    assertThat(stored()).isZero();
  }

  @Test
  void aSwitchBeforeTheOldTtlCanHaveRunOutIsRefusedNamingTheEarliestMoment() throws Exception {
    String id = createdId();
    // before the TTL is lowered: now, plus the assumed old TTL (24 h), plus the margin (1 h)
    put(id, time(ZonedDateTime.now(COPENHAGEN).plusHours(20)), "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.time"))
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("must not be before ")));
    put(id, time(ZonedDateTime.now(COPENHAGEN).plusHours(20)), "da")
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("må ikke ligge før ")));
    assertThat(stored()).isZero();
  }

  @Test
  void onceTheTtlWasLoweredTheEarliestSwitchIsTheOldTtlAfterIt(
      @Autowired JdbcDnsChangeJournal journal) throws Exception {
    String id = createdId();
    Instant lowered =
        Instant.now()
            .minus(Duration.ofMinutes(10))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    RecordSet original = RecordSet.of("contoso.com", RecordType.MX, 3600, "10 mail.contoso.com.");
    DnsChange lower =
        journal.record(
            DnsChange.requested(
                id,
                DnsStep.LOWER_MX_TTL,
                "contoso.com",
                RecordType.MX,
                Optional.of(original),
                Optional.of(original.withTtl(60)),
                lowered));
    journal.markApplied(lower.id(), lowered, Optional.of(original.withTtl(60)));
    Instant earliest = lowered.plusSeconds(3600);

    mvc.perform(get("/api/migrations/" + id + "/switch").with(MigrationApiTest.ADMIN))
        .andExpect(jsonPath("$.date").doesNotExist())
        .andExpect(jsonPath("$.earliest").value(earliest.toString()));
    ZonedDateTime tooEarly = earliest.atZone(COPENHAGEN).minusMinutes(5);
    put(id, time(tooEarly), "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.time"));
    ZonedDateTime soonest = earliest.atZone(COPENHAGEN).plusMinutes(2);
    put(id, time(soonest), "en").andExpect(status().isOk());
    assertThat(stored()).isOne();
  }

  @Test
  void anUnknownZoneOrAMissingTimeNamesEachField() throws Exception {
    String id = createdId();
    Map<String, Object> body =
        Map.of("date", inDays(5, 9).toLocalDate().toString(), "zone", "Mars/Olympus");

    put(id, body, "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[0].path").value("$.time"))
        .andExpect(jsonPath("$.errors[1].path").value("$.zone"))
        .andExpect(
            jsonPath("$.errors[1].message")
                .value("is no time zone; give a region such as Europe/Copenhagen or UTC"));
    put(id, Map.of("date", "2026-13-01", "time", "18:00", "zone", "UTC"), "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.date"));
    assertThat(stored()).isZero();
  }

  @Test
  void aMigrationWhosePlannedSwitchBreaksARuleIsNotStoredAtAll() throws Exception {
    Map<String, Object> body = MigrationApiTest.migration(2);
    body.put("plannedSwitch", time(inDays(-2, 9)));

    create(body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.plannedSwitch.date"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM migration").query(Long.class).single()).isZero();
    assertThat(stored()).isZero();
  }

  private static ZonedDateTime inDays(int days, int hour) {
    return LocalDate.now(COPENHAGEN).plusDays(days).atTime(hour, 0).atZone(COPENHAGEN);
  }

  private static Map<String, Object> time(ZonedDateTime at) {
    return Map.of(
        "date",
        at.toLocalDate().toString(),
        "time",
        at.toLocalTime().withSecond(0).withNano(0).toString(),
        "zone",
        at.getZone().getId());
  }

  private long stored() {
    return jdbc.sql("SELECT COUNT(*) FROM planned_switch").query(Long.class).single();
  }

  private String createdId() throws Exception {
    MvcResult created =
        create(MigrationApiTest.migration(2)).andExpect(status().isCreated()).andReturn();
    return json.readTree(created.getResponse().getContentAsString()).get("id").asText();
  }

  private ResultActions create(Map<String, Object> body) throws Exception {
    return mvc.perform(
        post("/api/migrations")
            .with(MigrationApiTest.ADMIN)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private ResultActions put(String id, Map<String, Object> body, String language) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/migrations/" + id + "/switch")
            .with(MigrationApiTest.ADMIN)
            .header("Accept-Language", language)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }
}
