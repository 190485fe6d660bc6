package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

  private final MailboxPages pages;

  MigrationMailboxController(MailboxPages pages) {
    this.pages = pages;
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
    MailboxPages.Page found = pages.page(id, status, null, page, size, sort);
    return new MailboxList(
        new MigrationViews.MailboxPage(found.filter(), page, size, found.total()),
        found.mailboxes().stream()
            .map(mailbox -> MigrationViews.Mailbox.of(mailbox, found.progress().get(mailbox.id())))
            .toList());
  }
}
