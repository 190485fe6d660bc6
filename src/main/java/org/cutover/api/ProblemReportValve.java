package org.cutover.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's answer to a request it refuses before the application sees it (a malformed
 * percent-encoding, an encoded NUL or slash, headers too large) is an RFC 9457 problem detail
 * instead of Tomcat's HTML page; it names no server, version or stack trace.
 */
class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean writable = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
    if (!writable.get()) {
      return;
    }
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            ProblemText.json(status, ProblemText.typeOf(status), title(status), detail(status)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException notWritten) {
      // the client has gone or the response was taken over; nothing more to say
    }
  }

  private static String title(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "Error " + status : known.getReasonPhrase();
  }

  private static String detail(int status) {
    if (status == HttpStatus.BAD_REQUEST.value()) {
      return "The request could not be read: its URL, headers or body are malformed (such as a"
          + " percent sign not followed by two hex digits, an encoded NUL or slash in the path,"
          + " or headers over the size limit). Check how the request is built.";
    }
    if (status == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
      return "The request is larger than this server takes.";
    }
    return "The request could not be answered (HTTP " + status + ").";
  }
}
