package org.cutover.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchSchedule;
import org.cutover.migration.schedule.SwitchTime;
import org.cutover.process.SwitchTimeControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The planned switch of a migration: when the runbook swaps the MX records. */
@RestController
@RequestMapping(path = "/api/migrations/{id}/switch", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Planned switch", description = "The moment the MX records are swapped")
class SwitchTimeController {

  @Schema(description = "The planned switch and the earliest moment it may be set to")
  record SwitchView(
      @Schema(description = "Day in the zone; null: no switch planned, MX is swapped once ready")
          LocalDate date,
      @Schema(description = "Time of day in the zone") LocalTime time,
      @Schema(description = "The time zone the switch was given in") String zone,
      @Schema(description = "The same moment in UTC") Instant at,
      @Schema(description = "How often the time was moved since it was first set") Integer moves,
      @Schema(description = "The earliest moment the old MX TTL allows now") Instant earliest) {

    static SwitchView of(PlannedSwitch planned, Instant earliest) {
      if (planned == null) {
        return new SwitchView(null, null, null, null, null, earliest);
      }
      return new SwitchView(
          planned.local().toLocalDate(),
          planned.local().toLocalTime(),
          planned.zone(),
          planned.at(),
          planned.move(),
          earliest);
    }
  }

  private final SwitchTimeControl control;
  private final SwitchSchedule schedule;
  private final MigrationStore store;
  private final StrictJson strictJson;

  SwitchTimeController(
      SwitchTimeControl control,
      SwitchSchedule schedule,
      MigrationStore store,
      StrictJson strictJson) {
    this.control = control;
    this.schedule = schedule;
    this.store = store;
    this.strictJson = strictJson;
  }

  @GetMapping
  @Operation(summary = "The planned switch, and the earliest moment it may be set to")
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  SwitchView get(@PathVariable String id) {
    requireExists(id);
    return SwitchView.of(schedule.planned(id).orElse(null), schedule.earliest(id));
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Set or move the planned switch",
      description =
          "The runbook swaps the MX records at this time, not before, once the batch has synced"
              + " and licences are assigned. It must be in the future and not before the earliest"
              + " moment the old MX TTL allows (see GET). A runbook waiting for the switch waits for"
              + " the new time; once the announcement is out, every user gets a short letter with"
              + " it, and a reminder comes cutover.letters.switch-reminder-before the time.")
  @ApiResponse(responseCode = "200", description = "Stored")
  @ApiResponse(
      responseCode = "400",
      description = "The time breaks a rule: errors names $.date, $.time or $.zone",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  SwitchView put(
      @PathVariable String id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = SwitchTime.class)))
          @RequestBody
          JsonNode body,
      Principal principal) {
    requireExists(id);
    PlannedSwitch planned =
        control.plan(
            id, strictJson.switchTime(body), "$", principal == null ? null : principal.getName());
    return SwitchView.of(planned, schedule.earliest(id));
  }

  private void requireExists(String id) {
    if (store.find(id).isEmpty()) {
      throw MigrationNotFound.migration(id);
    }
  }
}
