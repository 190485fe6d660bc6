package org.cutover.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.StoredMigration;
import org.cutover.migration.letters.ClientSettings;
import org.cutover.migration.letters.ClientSettingsChange;
import org.cutover.migration.letters.MailClientSettings;
import org.cutover.migration.letters.UsersClientSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What users set up in their mail programs, as a migration's letters name it; changeable. */
@RestController
@RequestMapping(
    path = "/api/migrations/{id}/client-settings",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users' client settings", description = "What the letters tell users to set up")
class ClientSettingsController {

  private final MigrationStore store;
  private final UsersClientSettings settings;
  private final ClientSettingsChange change;
  private final ObjectReader strict;

  ClientSettingsController(
      MigrationStore store,
      UsersClientSettings settings,
      ClientSettingsChange change,
      ObjectMapper json) {
    this.store = store;
    this.settings = settings;
    this.change = change;
    this.strict =
        json.readerFor(ClientSettings.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @GetMapping
  @Operation(summary = "The settings the letters name: the migration's own, completed")
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  MailClientSettings get(@PathVariable String id) {
    return settings.of(migration(id));
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Replace the users' client settings",
      description =
          "Checked by the rules of registration (clientSettings of POST /api/migrations): what"
              + " the body leaves out comes from cutover.letters.client.*. Letters rendered and"
              + " sent afterwards name the new settings; letters already sent are not sent again.")
  @ApiResponse(responseCode = "200", description = "Stored; the settings the letters now name")
  @ApiResponse(
      responseCode = "400",
      description = "A field breaks a rule: errors names it ($.incomingServer, ...)",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  MailClientSettings put(
      @PathVariable String id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ClientSettings.class)))
          @RequestBody
          JsonNode body) {
    StoredMigration migration = migration(id);
    return change.change(migration, read(body));
  }

  private ClientSettings read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new StrictJson.UnreadableBody(
          "The body must be a JSON object such as {\"incomingServer\": \"imap.contoso.com\","
              + " \"outgoingServer\": \"smtp.contoso.com\"}.");
    }
    try {
      return strict.readValue(body);
    } catch (JsonMappingException unreadable) {
      throw new StrictJson.UnreadableBody(unreadable);
    } catch (IOException unreadable) {
      throw new StrictJson.UnreadableBody("The client settings could not be read as JSON.");
    }
  }

  private StoredMigration migration(String id) {
    return store.find(id).orElseThrow(() -> MigrationNotFound.migration(id));
  }
}
