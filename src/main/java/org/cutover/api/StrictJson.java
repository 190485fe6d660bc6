package org.cutover.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.cutover.migration.NewMigration;
import org.springframework.stereotype.Component;

/**
 * Reads migration settings refusing properties it does not know, so that a misspelt optional
 * setting ({@code autoStartbatch}) is reported instead of silently left at its default.
 */
@Component
class StrictJson {

  private final ObjectReader migrations;
  private final ObjectReader syncRequests;

  StrictJson(ObjectMapper json) {
    this.migrations =
        json.readerFor(NewMigration.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.syncRequests =
        json.readerFor(MigrationViews.SyncRequest.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
