package org.cutover.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.reports.MailboxReport;
import org.cutover.migration.reports.MigrationReport;
import org.cutover.migration.reports.MigrationReports;
import org.cutover.migration.reports.ReportCsv;
import org.cutover.migration.reports.ReportPage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A migration's reports, kept after its batch is deleted and its runbook has ended, until the
 * administrator deletes them: JSON, CSV with Microsoft's report columns, and a page to read.
 */
@RestController
@RequestMapping(path = "/api/migrations")
@Tag(name = "Reports", description = "Batch and mailbox reports that outlive the batch")
class ReportController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  /**
   * The report page: its own inline style and nothing else (what messages say is escaped text),
   * instead of the API's policy that loads nothing.
   */
  static final String REPORT_PAGE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none';"
          + " form-action 'none'";

  private final MigrationReports reports;

  ReportController(MigrationReports reports) {
    this.reports = reports;
  }

  @GetMapping(path = "/{id}/report", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The migration's report",
      description =
          "Every mailbox with its status (SYNCED_WITH_ERRORS when its last pass left messages"
              + " out), counts, whether it is verified, each folder's reconciliation and manifest,"
              + " and every message not copied with its reason.")
  @ApiResponse(responseCode = "200", description = "The report")
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  MigrationReport report(@PathVariable String id) {
    return reports.report(id);
  }

  @GetMapping(path = "/{id}/report.csv", produces = "text/csv")
  @Operation(
      summary = "The batch report as CSV",
      description =
          "One line per mailbox: EmailAddress, Status, ItemsSynced, ItemsSkipped, Bytes,"
              + " LastSyncedTime, Error (Microsoft's migration report columns).")
  ResponseEntity<String> reportCsv(@PathVariable String id) {
    MigrationReport report = reports.report(id);
    return file(CSV, name(report, "report.csv"), ReportCsv.mailboxes(report.mailboxes()));
  }

  @GetMapping(path = "/{id}/skipped.csv", produces = "text/csv")
  @Operation(
      summary = "The messages not copied, as CSV",
      description =
          "One line per message the last pass of its mailbox left out: EmailAddress, Folder, Uid,"
              + " MessageId, Subject, Size, Date, Reason, Detail, PassStarted.")
  ResponseEntity<String> skippedCsv(@PathVariable String id) {
    MigrationReport report = reports.report(id);
    return file(CSV, name(report, "skipped.csv"), ReportCsv.skipped(report.mailboxes()));
  }

  @GetMapping(path = "/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "The batch report as a page to read (English or Danish)")
  ResponseEntity<String> reportHtml(
      @PathVariable String id,
      @Parameter(description = "en or da; the migration's language when left out")
          @RequestParam(required = false)
          String lang,
      HttpServletResponse response) {
    MigrationReport report = reports.report(id);
    return page(ReportPage.render(report, locale(lang, report)), response);
  }

  @GetMapping(
      path = "/{id}/mailboxes/{address}/report",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "One mailbox's report")
  MailboxReport mailboxReport(@PathVariable String id, @PathVariable String address) {
    return mailbox(id, address);
  }

  @GetMapping(path = "/{id}/mailboxes/{address}/report.csv", produces = "text/csv")
  @Operation(summary = "One mailbox's report as CSV (Microsoft's columns)")
  ResponseEntity<String> mailboxCsv(@PathVariable String id, @PathVariable String address) {
    MailboxReport mailbox = mailbox(id, address);
    return file(CSV, mailbox.emailAddress() + "-report.csv", ReportCsv.mailboxes(List.of(mailbox)));
  }

  @GetMapping(path = "/{id}/mailboxes/{address}/report.html", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(summary = "One mailbox's report as a page to read (English or Danish)")
  ResponseEntity<String> mailboxHtml(
      @PathVariable String id,
      @PathVariable String address,
      @Parameter(description = "en or da; the migration's language when left out")
          @RequestParam(required = false)
          String lang,
      HttpServletResponse response) {
    MailboxReport mailbox = mailbox(id, address);
    MigrationReport report = reports.report(id);
    return page(ReportPage.render(report, List.of(mailbox), locale(lang, report)), response);
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Delete a finished migration's reports",
      description =
          "Deletes the reports kept for the migration (mailbox outcomes, messages not copied,"
              + " folder reconciliations and manifests) once its runbook has completed or been"
              + " cancelled. Download them first: nothing of them is kept.")
  @ApiResponse(responseCode = "204", description = "The reports are deleted")
  @ApiResponse(
      responseCode = "409",
      description = "The runbook has not ended yet",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<Void> delete(@PathVariable String id) {
    if (!reports.deleteFinished(id)) {
      throw new WrongState(
          "Migration "
              + id
              + " has not ended: its reports are deleted only once its runbook has completed or"
              + " been cancelled. GET /api/migrations/"
              + id
              + " shows its phase.",
          null);
    }
    return ResponseEntity.noContent().build();
  }

  private MailboxReport mailbox(String id, String address) {
    return reports
        .mailbox(id, address)
        .orElseThrow(
            () ->
                new MigrationNotFound(
                    "Migration "
                        + id
                        + " has no mailbox "
                        + address
                        + "; GET /api/migrations/"
                        + id
                        + "/report lists its mailboxes."));
  }

  private static Locale locale(String lang, MigrationReport report) {
    String chosen = lang != null ? lang : report.language();
    return "da".equalsIgnoreCase(chosen) ? Locale.forLanguageTag("da") : Locale.ENGLISH;
  }

  private static String name(MigrationReport report, String suffix) {
    return report.domain() + "-" + report.batchName() + "-" + suffix;
  }

  private static ResponseEntity<String> file(MediaType type, String filename, String body) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(filename, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }

  private static ResponseEntity<String> page(String html, HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", REPORT_PAGE_POLICY);
    return ResponseEntity.ok().contentType(HTML).body(html);
  }
}
