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
 * Actuator answers a path under one of its endpoints that names nothing ({@code
 * /actuator/health/x}) with a bare 404 and no body, without raising anything our handlers see: such
 * an answer gets the same problem detail as any other path where nothing is.
 */
final class ActuatorMissingPaths extends OncePerRequestFilter {

  private final ObjectMapper json;

  ActuatorMissingPaths(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.NOT_FOUND.value()
        && response.getContentType() == null
        && !response.isCommitted()) {
      response.resetBuffer();
      ProblemResponses.write(
          response,
          json,
          HttpStatus.NOT_FOUND,
          ProblemTypes.NO_SUCH_PATH,
          "Nothing at this path",
          "Nothing is at this path; the health of this node is at /actuator/health.");
    }
  }
}
