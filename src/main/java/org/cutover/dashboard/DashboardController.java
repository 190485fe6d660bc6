package org.cutover.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cutover.api.CamundaWebapps;
import org.cutover.api.MailboxPages;
import org.cutover.migration.MailboxProgress;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.StoredMigration;
import org.cutover.migration.reports.MailboxReport;
import org.cutover.migration.reports.MigrationReport;
import org.cutover.migration.reports.MigrationReports;
import org.cutover.migration.reports.ReportCsv;
import org.cutover.migration.reports.ReportPage;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's pages. Each is for an administrator signed in to Camunda's webapps only: anyone
 * else is shown how to sign in (401) or that the page is for administrators (403), and nothing of a
 * migration. The pages only read (GET), so there is nothing another site could make them change.
 */
@Controller
@RequestMapping(path = "/dashboard", produces = MediaType.TEXT_HTML_VALUE)
class DashboardController {

  static final int PAGE_SIZE = 50;
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final CamundaWebapps webapps;
  private final DashboardPages pages;
  private final MigrationStore store;
  private final MailboxPages mailboxPages;
  private final MigrationReports reports;
  private final MigrationOverview overview;

  DashboardController(
      CamundaWebapps webapps,
      DashboardPages pages,
      MigrationStore store,
      MailboxPages mailboxPages,
      MigrationReports reports,
      MigrationOverview overview) {
    this.webapps = webapps;
    this.pages = pages;
    this.store = store;
    this.mailboxPages = mailboxPages;
    this.reports = reports;
    this.overview = overview;
  }

  @GetMapping
  ResponseEntity<String> migrations(HttpServletRequest request) {
    return page(
        request,
        "migrations",
        links -> {
          Map<String, Object> model = new LinkedHashMap<>();
          List<MigrationOverview.Line> all = overview.all(links);
          model.put("running", all.stream().filter(m -> !m.ended()).toList());
          model.put("ended", all.stream().filter(MigrationOverview.Line::ended).toList());
          return Optional.of(model);
        });
  }

  @GetMapping("/migrations/{id}")
  ResponseEntity<String> migration(
      HttpServletRequest request,
      @PathVariable String id,
      @RequestParam(name = "status", defaultValue = "all") String status,
      @RequestParam(name = "q", required = false) String containing,
      @RequestParam(name = "sort", defaultValue = "position") String sort,
      @RequestParam(name = "page", defaultValue = "0") int page) {
    return page(
        request,
        "migration",
        links -> {
          Optional<StoredMigration> migration = store.find(id);
          if (migration.isEmpty()) {
            return Optional.empty();
          }
          MailboxPages.Page found =
              mailboxPages.page(id, status, containing, page, PAGE_SIZE, sort);
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("m", overview.of(migration.get(), links));
          model.put("refresh", !RunbookTimeline.ended(migration.get().summary().phase()));
          model.put("batch", BatchTable.of(id, found, reportedStatus(id), containing, sort, links));
          return Optional.of(model);
        });
  }

  @GetMapping("/migrations/{id}/mailboxes/{mailboxId}")
  ResponseEntity<String> mailbox(
      HttpServletRequest request, @PathVariable String id, @PathVariable String mailboxId) {
    return page(
        request,
        "mailbox",
        links -> {
          Optional<StoredMigration> migration = store.find(id);
          Optional<MailboxState> mailbox =
              store.mailbox(mailboxId).filter(m -> m.migrationId().equals(id));
          if (migration.isEmpty() || mailbox.isEmpty()) {
            return Optional.empty();
          }
          MailboxProgress pass = store.progress(id).get(mailboxId);
          MailboxReport report = reports.mailbox(id, mailbox.get().emailAddress()).orElse(null);
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("m", overview.of(migration.get(), links));
          model.put("mailbox", MailboxDetail.of(mailbox.get(), pass, report));
          return Optional.of(model);
        });
  }

  @GetMapping(path = "/migrations/{id}/report.html")
  ResponseEntity<String> reportPage(HttpServletRequest request, @PathVariable String id) {
    return download(
        request,
        id,
        () ->
            ResponseEntity.ok()
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", REPORT_PAGE_POLICY)
                .body(ReportPage.render(reports.report(id), DashboardLanguage.of(request))));
  }

  @GetMapping(path = "/migrations/{id}/report.csv", produces = "text/csv")
  ResponseEntity<String> reportCsv(HttpServletRequest request, @PathVariable String id) {
    return download(
        request,
        id,
        () -> {
          MigrationReport report = reports.report(id);
          return ResponseEntity.ok()
              .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
              .cacheControl(CacheControl.noStore())
              .header(
                  "Content-Disposition",
                  ContentDisposition.attachment()
                      .filename(report.domain() + "-" + report.batchName() + "-report.csv")
                      .build()
                      .toString())
              .body(ReportCsv.mailboxes(report.mailboxes()));
        });
  }

  /** The report page's policy: its own inline style and nothing else, as the API serves it. */
  static final String REPORT_PAGE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none';"
          + " form-action 'none'";

  private ResponseEntity<String> download(
      HttpServletRequest request,
      String id,
      java.util.function.Supplier<ResponseEntity<String>> file) {
    Optional<ResponseEntity<String>> refused = refusal(request, DashboardLanguage.of(request));
    if (refused.isPresent()) {
      return refused.get();
    }
    if (store.find(id).isEmpty()) {
      Locale language = DashboardLanguage.of(request);
      return answer(HttpStatus.NOT_FOUND, "not-found", language, base(request, language));
    }
    return file.get();
  }

  /** What a page shows, or empty when what it is about does not exist. */
  private interface Content {
    Optional<Map<String, Object>> of(DashboardLinks links);
  }

  private ResponseEntity<String> page(
      HttpServletRequest request, String template, Content content) {
    Locale language = DashboardLanguage.of(request);
    Optional<ResponseEntity<String>> refused = refusal(request, language);
    if (refused.isPresent()) {
      return refused.get();
    }
    Map<String, Object> model = base(request, language);
    Optional<Map<String, Object>> shown = content.of((DashboardLinks) model.get("links"));
    if (shown.isEmpty()) {
      return answer(HttpStatus.NOT_FOUND, "not-found", language, model);
    }
    model.putAll(shown.get());
    return answer(HttpStatus.OK, template, language, model);
  }

  /** The page for anyone but a signed-in administrator; empty for an administrator. */
  private Optional<ResponseEntity<String>> refusal(HttpServletRequest request, Locale language) {
    Map<String, Object> model = base(request, language);
    Optional<CamundaWebapps.SignedIn> signedIn = webapps.signedIn(request);
    if (signedIn.isEmpty()) {
      return Optional.of(answer(HttpStatus.UNAUTHORIZED, "sign-in", language, model));
    }
    model.put("user", signedIn.get().userId());
    if (!signedIn.get().administrator()) {
      return Optional.of(answer(HttpStatus.FORBIDDEN, "forbidden", language, model));
    }
    return Optional.empty();
  }

  /** What every page shows: links, language, formats and who is signed in. */
  private Map<String, Object> base(HttpServletRequest request, Locale language) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "links",
        new DashboardLinks(
            request.getContextPath(), DashboardLanguage.chosen(request), webapps, request));
    model.put("lang", language.getLanguage());
    model.put("shown", new Shown(language));
    webapps.signedIn(request).ifPresent(user -> model.put("user", user.userId()));
    return model;
  }

  private ResponseEntity<String> answer(
      HttpStatus status, String template, Locale language, Map<String, Object> model) {
    return ResponseEntity.status(status)
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        .header("Content-Language", language.getLanguage())
        .header("Vary", "Accept-Language, Cookie")
        .body(pages.render(template, language, model));
  }

  /**
   * The status each mailbox's last pass left, by address: after the batch is deleted the mailbox
   * itself only says REMOVED.
   */
  private Map<String, String> reportedStatus(String migrationId) {
    Map<String, String> statuses = new LinkedHashMap<>();
    List<MailboxReport> mailboxes = reports.report(migrationId).mailboxes();
    mailboxes.forEach(m -> statuses.put(m.emailAddress(), m.status()));
    return statuses;
  }
}
