package org.cutover.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a state-changing request shows that no page of another site sent it. A browser that has
 * signed in with HTTP Basic sends the login with every request, also with a form another site
 * submits; such a form can send neither a header of its own nor a body type other than the three a
 * form has, and a script of another site can send them only after a CORS preflight, which Cutover
 * never answers. So a request counts as sent by the page's own site or by a program when it has
 *
 * <ul>
 *   <li>the header {@value #HEADER} (any value), or
 *   <li>a body type a form cannot send, such as {@code application/json}, or
 *   <li>{@code Sec-Fetch-Site: same-origin}, which only the browser sets (Swagger UI).
 * </ul>
 *
 * GET, HEAD and OPTIONS change nothing and need none of them.
 */
final class CrossSiteProof {

  static final String HEADER = "X-Requested-By";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> FORM_TYPES =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  private CrossSiteProof() {}

  static boolean lacking(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod()) && !present(request);
  }

  private static boolean present(HttpServletRequest request) {
    String header = request.getHeader(HEADER);
    if (header != null && !header.isBlank()) {
      return true;
    }
    if ("same-origin".equals(request.getHeader("Sec-Fetch-Site"))) {
      return true;
    }
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || type.isBlank()) {
      return false;
    }
    try {
      MediaType media = MediaType.parseMediaType(type);
      String essence = (media.getType() + "/" + media.getSubtype()).toLowerCase(Locale.ROOT);
      return !FORM_TYPES.contains(essence);
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }

  /** Answers a request without the proof: 403 with a problem that says what to add. */
  static void refuse(HttpServletResponse response, ObjectMapper json) throws IOException {
    ProblemResponses.write(
        response,
        json,
        HttpStatus.FORBIDDEN,
        ProblemTypes.CROSS_SITE_REFUSED,
        "Possible cross-site request refused",
        DETAIL);
  }

  static final String DETAIL =
      "A request that changes something must show that no page of another site sent it: add the"
          + " header '"
          + HEADER
          + ": cutover' (curl: -H '"
          + HEADER
          + ": cutover'), or send a JSON body with Content-Type application/json. HTTP Basic is"
          + " meant for programs; people use Cockpit, Tasklist and Admin.";
}
