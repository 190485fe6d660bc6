package org.cutover.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An Accept header that is no list of media types ({@code Accept: garbage}) is answered 406 with a
 * problem detail at once: further in, no answer could be chosen for it, not even a refusal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AcceptHeaderCheck extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
        MediaType.parseMediaTypes(accept);
      }
    } catch (InvalidMediaTypeException unreadable) {
      response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              ProblemText.json(
                  406,
                  ProblemTypes.NOT_ACCEPTABLE,
                  "Accept header not readable",
                  "The Accept header is not a list of media types; send Accept:"
                      + " application/json (or none)."));
      return;
    }
    chain.doFilter(request, response);
  }
}
