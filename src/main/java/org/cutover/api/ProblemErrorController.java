package org.cutover.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that reach the servlet container's error page (a filter or a servlet outside our API
 * calling {@code sendError}, an exception outside our controllers) are answered with a problem
 * detail in place of Spring Boot's default body, whatever the client accepts; {@code /error} asked
 * for directly is a path with nothing at it. The detail never repeats the exception.
 */
@Controller
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer given && given >= 400 ? given : 404;
    String detail =
        code == null
            ? "Nothing is at this path. The API's paths are listed in its OpenAPI description at"
                + " /v3/api-docs."
            : detail(status);
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(ProblemText.json(status, ProblemText.typeOf(status), title(status), detail));
  }

  private static String title(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "Error " + status : known.getReasonPhrase();
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "The request could not be read; check its URL, headers and body.";
      case 401 -> "Log in: this path needs credentials.";
      case 403 -> "The credentials given may not do this.";
      case 404 -> "Nothing is at this path.";
      case 405 -> "This path does not take this method.";
      case 413 -> "The request is larger than this server takes.";
      default ->
          status >= 500
              ? "The request failed on the server; the log says why."
              : "The request could not be answered (HTTP " + status + ").";
    };
  }
}
