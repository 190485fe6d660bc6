package org.cutover.camunda;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem detail written by a filter in front of Camunda's REST API. */
record EngineRestProblem(int status, String type, String title, String detail) {

  private static final ObjectMapper JSON = new ObjectMapper();

  void writeTo(HttpServletResponse response) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
