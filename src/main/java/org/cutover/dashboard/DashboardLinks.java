package org.cutover.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.cutover.api.CamundaWebapps;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses a dashboard page links to: its own pages (keeping a language chosen with the
 * switch), the same page in the other language, and Tasklist, Cockpit and the sign-in page.
 */
public final class DashboardLinks {

  private final String contextPath;
  private final String language;
  private final CamundaWebapps webapps;
  private final HttpServletRequest request;

  DashboardLinks(
      String contextPath, String language, CamundaWebapps webapps, HttpServletRequest request) {
    this.contextPath = contextPath;
    this.language = language;
    this.webapps = webapps;
    this.request = request;
  }

  public String home() {
    return dashboard("/dashboard").toUriString();
  }

  public String css() {
    return contextPath + "/dashboard/dashboard.css";
  }

  public String migration(String id) {
    return dashboard("/dashboard/migrations/{id}").buildAndExpand(id).encode().toUriString();
  }

  /** The batch table of a migration with this filter, search, order and page. */
  public String batch(String id, String status, String containing, String sort, int page) {
    UriComponentsBuilder link = dashboard("/dashboard/migrations/{id}");
    if (!"all".equals(status)) {
      link.queryParam("status", status);
    }
    if (containing != null && !containing.isBlank()) {
      link.queryParam("q", containing);
    }
    if (!"position".equals(sort)) {
      link.queryParam("sort", sort);
    }
    if (page > 0) {
      link.queryParam("page", page);
    }
    return link.buildAndExpand(id).encode().toUriString();
  }

  public String mailbox(String migrationId, String mailboxId) {
    return dashboard("/dashboard/migrations/{id}/mailboxes/{mailbox}")
        .buildAndExpand(migrationId, mailboxId)
        .encode()
        .toUriString();
  }

  /** The migration's report as a page ({@code html}) or as CSV ({@code csv}). */
  public String report(String id, String kind) {
    return dashboard("/dashboard/migrations/{id}/report." + kind)
        .buildAndExpand(id)
        .encode()
        .toUriString();
  }

  /** This page in {@code lang} (en or da), with everything else it was asked with. */
  public String inLanguage(String lang) {
    return UriComponentsBuilder.fromPath(request.getRequestURI())
        .query(request.getQueryString())
        .replaceQueryParam("lang", lang)
        .build(true)
        .toUriString();
  }

  /** The language a form sends on, null when none was chosen with the switch. */
  public String language() {
    return language;
  }

  public String signIn() {
    return contextPath + webapps.signInPage();
  }

  public String task(String taskId) {
    return contextPath + webapps.tasklistTask(taskId);
  }

  public String incidents(String processInstanceId) {
    return contextPath + webapps.cockpitIncidents(processInstanceId);
  }

  private UriComponentsBuilder dashboard(String path) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath(contextPath + path);
    if (language != null) {
      link.queryParam("lang", language);
    }
    return link;
  }
}
