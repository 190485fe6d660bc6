package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.cutover.migration.MailboxPasswordImport;
import org.cutover.migration.NewCredential;
import org.cutover.migration.SettingsValidation;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final SecretStore secrets;
  private final SettingsValidation validation;
  private final MailboxPasswordImport mailboxPasswords;

  CredentialController(
      SecretStore secrets, SettingsValidation validation, MailboxPasswordImport mailboxPasswords) {
    this.secrets = secrets;
    this.validation = validation;
    this.mailboxPasswords = mailboxPasswords;
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

  @PostMapping(
      path = "/mailboxes",
      consumes = "text/csv",
      produces = {"text/csv", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  @Operation(
      summary = "Store each user's own passwords of a mailbox list; get the list with their ids",
      description =
          "Takes Microsoft's IMAP migration CSV: a header line such as"
              + " EmailAddress,UserName,Password, for an IMAP target also TargetUserName and"
              + " TargetPassword (DisplayName optional; commas, semicolons or tabs; UTF-8). Every"
              + " password is stored encrypted at once, and the answer is the same list with"
              + " SourceCredentialId and TargetCredentialId instead of the passwords: paste it"
              + " into the start form's mailbox list, whose values never carry a password. The"
              + " passwords are deleted with the batch of the migration that uses them.")
  @ApiResponse(
      responseCode = "201",
      description = "Stored; the list with the ids of the stored passwords",
      content = @Content(mediaType = "text/csv"))
  @ApiResponse(
      responseCode = "400",
      description =
          "A line that cannot be read: one entry per problem in errors, its path naming the line"
              + " and the column (\"line 3, column Password\"); nothing is stored",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<String> mailboxes(@RequestBody byte[] csv) {
    String text = new String(csv, StandardCharsets.UTF_8);
    // Spreadsheets save UTF-8 with a byte order mark before the header.
    String list = mailboxPasswords.store(text.startsWith("\uFEFF") ? text.substring(1) : text);
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(CSV)
        .cacheControl(CacheControl.noStore())
        .body(list);
  }

  @GetMapping
  @Operation(summary = "List the stored credentials (ids, names, creation times; never values)")
  List<Credential> list() {
    return secrets.list().stream()
        .map(stored -> new Credential(stored.ref().id(), stored.name(), stored.createdAt()))
        .toList();
  }
}
