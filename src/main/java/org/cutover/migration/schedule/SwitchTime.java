package org.cutover.migration.schedule;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.LocalTime;

/** A switch time as a person gives it: a day, a time of day and the time zone they mean. */
@Schema(description = "The planned switch: day, time of day and time zone")
public record SwitchTime(
    @Schema(description = "ISO day", example = "2026-04-18") LocalDate date,
    @Schema(description = "Time of day, 24-hour", example = "18:00") LocalTime time,
    @Schema(description = "IANA time zone", example = "Europe/Copenhagen") String zone) {}
