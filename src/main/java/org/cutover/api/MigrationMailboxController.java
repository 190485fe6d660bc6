package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.cutover.migration.MailboxProgress;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationStore;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A migration's mailboxes a page at a time, filtered and sorted: the migration's own view carries
 * the batch's summary and its first page only, so that it stays small for thousands of mailboxes.
 */
@RestController
@RequestMapping(path = "/api/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Migrations")
class MigrationMailboxController {

  private final MigrationStore store;

  MigrationMailboxController(MigrationStore store) {
    this.store = store;
  }

  /** One page of mailboxes and what the page is of. */
  record MailboxList(MigrationViews.MailboxPage page, List<MigrationViews.Mailbox> mailboxes) {}

  @GetMapping("/{id}/mailboxes")
  @Operation(summary = "A migration's mailboxes, a page at a time, filtered by status and sorted")
  @ApiResponse(
      responseCode = "200",
      description = "The page; past the last page it is empty and still says the total",
      content = @Content(schema = @Schema(implementation = MailboxList.class)))
  @ApiResponse(
      responseCode = "400",
      description = "An unknown status or sort, or a page or size out of range",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  MailboxList mailboxes(
      @PathVariable String id,
      @Parameter(description = "Which mailboxes: all, waiting, syncing, synced or failed")
          @RequestParam(name = "status", defaultValue = "all")
          String status,
      @Parameter(description = "Page, from 0") @RequestParam(name = "page", defaultValue = "0")
          int page,
      @Parameter(description = "Mailboxes per page, 1 to 500")
          @RequestParam(name = "size", defaultValue = "100")
          int size,
      @Parameter(
              description =
                  "Order: position (the batch's), emailAddress, status, lastSuccessfulSync,"
                      + " messagesCopied or bytesCopied; a leading - for descending")
          @RequestParam(name = "sort", defaultValue = "position")
          String sort) {
    MailboxFilter shown = MailboxFilter.parse(status, "status");
    if (shown == MailboxFilter.NONE) {
      throw MailboxFilter.unknown(status, "status");
    }
    MailboxFilter.checkPage(page, size);
    var order = MailboxSort.parse(sort);
    if (store.find(id).isEmpty()) {
      throw MigrationNotFound.migration(id);
    }
    List<MailboxState> matching =
        store.mailboxes(id).stream()
            .filter(mailbox -> shown.shows(mailbox.status()))
            .sorted(order)
            .toList();
    List<MailboxState> onPage = matching.stream().skip((long) page * size).limit(size).toList();
    Map<String, MailboxProgress> progress = onPage.isEmpty() ? Map.of() : store.progress(id);
    return new MailboxList(
        new MigrationViews.MailboxPage(shown.name(), page, size, matching.size()),
        onPage.stream()
            .map(mailbox -> MigrationViews.Mailbox.of(mailbox, progress.get(mailbox.id())))
            .toList());
  }
}
