package org.cutover.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing calls to Camunda's REST API ({@code /engine-rest}) that lack {@link
 * CrossSiteProof}, before any login is checked. {@code /api} has the same rule as its CSRF
 * protection ({@link ApiSecurity}). The webapps' own API ({@code /camunda/api}) keeps Camunda's
 * CSRF token.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

  private final ObjectMapper json;

  CrossSiteRequestGuard(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (CrossSiteProof.lacking(request)) {
      refuse(response, json);
      return;
    }
    chain.doFilter(request, response);
  }

  static void refuse(HttpServletResponse response, ObjectMapper json) throws IOException {
    ProblemResponses.write(
        response,
        json,
        HttpStatus.FORBIDDEN,
        ProblemTypes.CROSS_SITE_REFUSED,
        "Possible cross-site request refused",
        CrossSiteProof.DETAIL);
  }
}
