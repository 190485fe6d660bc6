package org.cutover.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer of Microsoft Graph: status and JSON body. A failure's body is {@code {"error": {code,
 * message, innerError: {request-id, date}, details: [{code, target}]}}}; callers branch on {@link
 * #errorCode()} and {@link #detailCodes()}, never on the message, which is only for people.
 */
record GraphResponse(String request, int status, JsonNode body) {

  boolean ok() {
    return status >= 200 && status < 300;
  }

  String errorCode() {
    return body.path("error").path("code").asText("");
  }

  String errorMessage() {
    return body.path("error").path("message").asText("");
  }

  /** The codes of {@code error.details[]}, such as ObjectConflict. */
  List<String> detailCodes() {
    List<String> codes = new ArrayList<>();
    for (JsonNode detail : body.path("error").path("details")) {
      codes.add(detail.path("code").asText(""));
    }
    return codes;
  }

  /** "GET /domains/x answered HTTP 400 Request_BadRequest: message (request-id …)". */
  String describe() {
    StringBuilder text = new StringBuilder(request).append(" answered HTTP ").append(status);
    if (!errorCode().isEmpty()) {
      text.append(' ').append(errorCode());
    }
    if (!errorMessage().isEmpty()) {
      text.append(": ").append(errorMessage().strip());
    }
    String requestId = body.path("error").path("innerError").path("request-id").asText("");
    if (!requestId.isEmpty()) {
      text.append(" (request-id ").append(requestId).append(')');
    }
    return text.toString();
  }
}
