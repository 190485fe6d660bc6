package org.cutover.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes an RFC 9457 problem detail where no controller answers: in filters and handlers. */
final class ProblemResponses {

  private ProblemResponses() {}

  static void write(
      HttpServletResponse response,
      ObjectMapper json,
      HttpStatus status,
      URI type,
      String title,
      String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.toString());
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
