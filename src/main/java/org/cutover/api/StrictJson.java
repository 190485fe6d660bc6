package org.cutover.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.cutover.migration.NewMigration;
import org.cutover.migration.schedule.SwitchTime;
import org.springframework.stereotype.Component;

/**
 * Reads migration settings refusing properties it does not know, so that a misspelt optional
 * setting ({@code autoStartbatch}) is reported instead of silently left at its default.
 */
@Component
class StrictJson {

  private final ObjectReader migrations;
  private final ObjectReader syncRequests;
  private final ObjectReader switchTimes;
  private final ObjectReader plannedSwitches;

  /** The planned switch within a migration's settings, read on its own (NewMigration lacks it). */
  record PlannedSwitchField(SwitchTime plannedSwitch) {}

  StrictJson(ObjectMapper json) {
    this.migrations =
        json.readerFor(NewMigration.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.syncRequests =
        json.readerFor(MigrationViews.SyncRequest.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.switchTimes =
        json.readerFor(SwitchTime.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.plannedSwitches =
        json.readerFor(PlannedSwitchField.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** A switch time: {"date": "2026-04-18", "time": "18:00", "zone": "Europe/Copenhagen"}. */
  SwitchTime switchTime(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new UnreadableBody(
          "The body must be a JSON object such as {\"date\": \"2026-04-18\", \"time\":"
              + " \"18:00\", \"zone\": \"Europe/Copenhagen\"}.");
    }
    try {
      return switchTimes.readValue(body);
    } catch (JsonMappingException unreadable) {
      throw new UnreadableBody(unreadable);
    } catch (IOException unreadable) {
      throw new UnreadableBody("The switch time could not be read as JSON.");
    }
  }

  /**
   * Takes {@code plannedSwitch} out of a migration's settings and reads it; empty when the settings
   * name none (or null).
   */
  Optional<SwitchTime> takePlannedSwitch(JsonNode body) {
    if (!(body instanceof ObjectNode settings) || !settings.has("plannedSwitch")) {
      return Optional.empty();
    }
    ObjectNode field = settings.objectNode();
    field.set("plannedSwitch", settings.remove("plannedSwitch"));
    try {
      return Optional.ofNullable(plannedSwitches.<PlannedSwitchField>readValue(field))
          .map(PlannedSwitchField::plannedSwitch);
    } catch (JsonMappingException unreadable) {
      throw new UnreadableBody(unreadable);
    } catch (IOException unreadable) {
      throw new UnreadableBody("The planned switch could not be read as JSON.");
    }
  }

  /** A sync request; no body at all asks for an incremental pass of every mailbox. */
  MigrationViews.SyncRequest syncRequest(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return new MigrationViews.SyncRequest(null, null);
    }
    if (!body.isObject()) {
      throw new UnreadableBody(
          "The body must be a JSON object such as {\"mailboxes\": [\"anna@contoso.com\"]} or"
              + " {\"final\": true}, or nothing.");
    }
    try {
      return syncRequests.readValue(body);
    } catch (JsonMappingException unreadable) {
      throw new UnreadableBody(unreadable);
    } catch (IOException unreadable) {
      throw new UnreadableBody("The sync request could not be read as JSON.");
    }
  }

  NewMigration migration(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new UnreadableBody("The body must be a JSON object holding the migration settings.");
    }
    try {
      return migrations.readValue(body);
    } catch (JsonMappingException unreadable) {
      throw new UnreadableBody(unreadable);
    } catch (IOException unreadable) {
      throw new UnreadableBody("The migration settings could not be read as JSON.");
    }
  }

  /** The body is JSON but does not fit the settings; the advice says where and why. */
  static class UnreadableBody extends RuntimeException {

    private final transient JsonMappingException mapping;

    UnreadableBody(JsonMappingException mapping) {
      super("The migration settings do not fit their schema");
      this.mapping = mapping;
    }

    UnreadableBody(String message) {
      super(message);
      this.mapping = null;
    }

    JsonMappingException mapping() {
      return mapping;
    }
  }
}
