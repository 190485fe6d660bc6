package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.cutover.migration.NewCredential;
import org.cutover.migration.SettingsValidation;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Credentials",
    description =
        "Store a credential once and name it by id, for migrations started from the Tasklist"
            + " start form (which never carries a password)")
class CredentialController {

  private final SecretStore secrets;
  private final SettingsValidation validation;

  CredentialController(SecretStore secrets, SettingsValidation validation) {
    this.secrets = secrets;
    this.validation = validation;
  }

  @Schema(description = "A stored credential: id, name and creation time, never its value")
  record Credential(String id, String name, Instant createdAt) {}

  @Schema(description = "The id to give as credentialId or in the start form")
  record CredentialCreated(String id) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Store a credential encrypted and get its id")
  @ApiResponse(responseCode = "201", description = "Stored")
  @ApiResponse(
      responseCode = "400",
      description =
          "Name or secret missing, the name too long or not plain text, the secret over 16384"
              + " characters: one entry per field in errors",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  CredentialCreated create(@RequestBody NewCredential credential) {
    validation.requireValid(credential);
    SecretRef ref = secrets.put(credential.name(), credential.secret());
    return new CredentialCreated(ref.id());
  }

  @GetMapping
  @Operation(summary = "List the stored credentials (ids, names, creation times; never values)")
  List<Credential> list() {
    return secrets.list().stream()
        .map(stored -> new Credential(stored.ref().id(), stored.name(), stored.createdAt()))
        .toList();
  }
}
