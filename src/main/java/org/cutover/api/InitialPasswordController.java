package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationStore;
import org.cutover.tenant.InitialPasswords;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The initial passwords of the users Cutover created in Microsoft 365, for the administrator to
 * pass on: handed out once as CSV, then deleted.
 */
@RestController
@RequestMapping(path = "/api/migrations/{id}/initial-passwords")
@Tag(name = "Migrations")
class InitialPasswordController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  static final URI TAKEN = URI.create("urn:cutover:problem:initial-passwords-taken");
  static final URI NONE = URI.create("urn:cutover:problem:no-initial-passwords");

  private final MigrationStore store;
  private final InitialPasswords passwords;

  InitialPasswordController(MigrationStore store, InitialPasswords passwords) {
    this.store = store;
    this.passwords = passwords;
  }

  @GetMapping(produces = {"text/csv", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  @Operation(
      summary = "Take the initial passwords of the users Cutover created, once",
      description =
          "CSV with a header line EmailAddress,DisplayName,InitialPassword and one line per user"
              + " Cutover created in Microsoft 365 since the last call. Each user must change the"
              + " password at the first sign-in. The passwords are deleted as they are handed"
              + " out: keep the file safe, and pass each password on privately. Users that"
              + " already existed keep their own passwords and are not listed.")
  @ApiResponse(
      responseCode = "200",
      description = "The passwords, now deleted from Cutover",
      content = @Content(mediaType = "text/csv"))
  @ApiResponse(
      responseCode = "404",
      description = "No such migration, or Cutover created no user for it (yet)",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "410",
      description = "Every password was taken already",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<?> take(@PathVariable("id") String migrationId) {
    store.find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
    InitialPasswords.HandOut handOut = passwords.handOut(migrationId);
    if (handOut instanceof InitialPasswords.HandOut.Csv csv) {
      return ResponseEntity.ok()
          .contentType(CSV)
          .cacheControl(CacheControl.noStore())
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment()
                  .filename("initial-passwords-" + migrationId + ".csv")
                  .build()
                  .toString())
          .body(csv.text());
    }
    if (handOut instanceof InitialPasswords.HandOut.AlreadyTaken taken) {
      return problem(
          HttpStatus.GONE,
          TAKEN,
          "The initial passwords were taken already",
          "The initial passwords of migration "
              + migrationId
              + " were handed out at "
              + taken.at()
              + " and deleted; Cutover keeps no copy. To give a user a new one, reset the"
              + " password in the Microsoft 365 admin center.");
    }
    return problem(
        HttpStatus.NOT_FOUND,
        NONE,
        "No initial passwords",
        "Cutover has created no user for migration "
            + migrationId
            + " yet: users are created when the batch's mailboxes are provisioned, and users"
            + " that already existed keep their own passwords.");
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, URI type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .cacheControl(CacheControl.noStore())
        .body(problem);
  }
}
