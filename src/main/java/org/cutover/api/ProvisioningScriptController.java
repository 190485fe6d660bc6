package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cutover.migration.provisioning.TargetProvisioning;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The provisioning script (or an IMAP host's address list) of the last check at the target. */
@RestController
@RequestMapping(path = "/api/migrations")
@Tag(name = "Migrations")
class ProvisioningScriptController {

  private final TargetProvisioning provisioning;

  ProvisioningScriptController(TargetProvisioning provisioning) {
    this.provisioning = provisioning;
  }

  @GetMapping(path = "/{id}/provisioning/script", produces = MediaType.TEXT_PLAIN_VALUE)
  @Operation(
      summary =
          "The Exchange Online PowerShell script for exactly what the target lacked at the last"
              + " check (or, for an IMAP host, the addresses to create); safe to run again")
  @ApiResponse(responseCode = "200", description = "The script")
  @ApiResponse(
      responseCode = "204",
      description = "Nothing was missing at the last check, or the target was not checked yet")
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<String> script(@PathVariable String id) {
    return provisioning
        .script(id)
        .map(script -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(script))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }
}
