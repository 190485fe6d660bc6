package org.cutover.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer, set before anything else writes: no content sniffing, no
 * referrer to other sites, not framed by other sites, and a Content-Security-Policy that allows
 * nothing but what the page needs. Camunda's webapps ({@code /camunda/**}) set their own
 * Content-Security-Policy, which is left to them; they may frame their own pages.
 */
class SecurityHeaders extends OncePerRequestFilter {

  /** JSON, redirects and errors: nothing to load, run or frame. */
  static final String NOTHING =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /** Swagger UI: its own scripts, styles (some inline) and images, and calls to this origin. */
  static final String SWAGGER_UI =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; font-src 'self';"
          + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /**
   * The dashboard: its own style sheet, charts drawn as inline SVG, no script at all; its filter
   * form sends to itself only.
   */
  static final String DASHBOARD =
      "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none';"
          + " base-uri 'none'; form-action 'self'";

  private final String webapps;

  SecurityHeaders(String webapps) {
    this.webapps = webapps;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    if (path.equals(webapps) || path.startsWith(webapps + "/")) {
      response.setHeader("X-Frame-Options", "SAMEORIGIN");
    } else {
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader(
          "Content-Security-Policy",
          path.startsWith("/swagger-ui")
              ? SWAGGER_UI
              : path.equals("/dashboard") || path.startsWith("/dashboard/") ? DASHBOARD : NOTHING);
    }
    chain.doFilter(request, response);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }
}
