package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cutover.directory.RecipientKind;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.provisioning.TargetProvisioning;
import org.cutover.migration.recipients.DomainAddresses;
import org.cutover.migration.recipients.RecipientStore;
import org.cutover.migration.recipients.StoredRecipient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Migrations")
class MigrationRecipientsController {

  private final MigrationStore migrations;
  private final RecipientStore recipients;
  private final DomainAddresses domainAddresses;
  private final ObjectProvider<TargetProvisioning> provisioning;

  MigrationRecipientsController(
      MigrationStore migrations,
      RecipientStore recipients,
      DomainAddresses domainAddresses,
      ObjectProvider<TargetProvisioning> provisioning) {
    this.migrations = migrations;
    this.recipients = recipients;
    this.domainAddresses = domainAddresses;
    this.provisioning = provisioning;
  }

  @Schema(description = "A migration's recipients and every address its domain receives mail at")
  record Recipients(
      @Schema(description = "Every recipient by kind, with its addresses")
          Map<RecipientKind, List<RecipientViews.RecipientView>> recipients,
      @Schema(description = "The domain's addresses: primary addresses and aliases, lower case")
          List<String> domainAddresses,
      @Schema(
              description =
                  "Each recipient's provisioning at the target, by primary address, as last"
                      + " checked before the first sync (empty until then)")
          Map<String, RecipientViews.Provisioning> provisioning) {}

  @GetMapping("/{id}/recipients")
  @Operation(summary = "Every recipient of the migration by kind, and the domain's addresses")
  @ApiResponse(responseCode = "200", description = "The recipients")
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  Recipients list(@PathVariable String id) {
    if (!migrations.exists(id)) {
      throw MigrationNotFound.migration(id);
    }
    List<StoredRecipient> all = recipients.ofMigration(id);
    return new Recipients(
        RecipientViews.byKind(all),
        domainAddresses.of(UUID.fromString(id)),
        RecipientViews.provisioning(
            all, provisioning.stream().findFirst().map(p -> p.statuses(id)).orElse(Map.of())));
  }
}
