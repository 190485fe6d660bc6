package org.cutover.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API answers a refusal with a JSON body of its own ({@code type}, {@code message},
 * {@code code}) or none at all (401). Those answers become RFC 9457 problem details like the rest
 * of Cutover's, keeping Camunda's {@code message} (also as {@code detail}), its exception type as
 * {@code exceptionType} and its {@code code}, and every header (such as WWW-Authenticate).
 * Successful answers and long-polling ones pass untouched.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

  /** Of a refusal's body only this much is read for Camunda's message. */
  private static final int KEPT_BYTES = 16 * 1024;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestProblemFilter(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new ProblemFilter(json));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  static final class ProblemFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    ProblemFilter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      RefusalHeld held = new RefusalHeld(request, response);
      chain.doFilter(request, held);
      if (held.holding && !response.isCommitted()) {
        if (held.isProblem()) {
          // Already a problem detail of ours (a filter in front of Camunda refused the request).
          passOn(response, held.status, held.kept.toByteArray());
        } else {
          write(response, held.status, held.kept.toByteArray());
        }
      }
    }

    private static void passOn(HttpServletResponse response, int status, byte[] problem)
        throws IOException {
      response.resetBuffer();
      response.setStatus(status);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setContentLength(problem.length);
      response.getOutputStream().write(problem);
    }

    private void write(HttpServletResponse response, int status, byte[] camundaBody)
        throws IOException {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", ProblemText.typeOf(status).toString());
      HttpStatus known = HttpStatus.resolve(status);
      problem.put("title", known == null ? "Error " + status : known.getReasonPhrase());
      problem.put("status", status);
      JsonNode camunda = camunda(camundaBody);
      String message = camunda.path("message").asText(null);
      problem.put(
          "detail",
          message != null
              ? message
              : status == 401
                  ? "Log in with HTTP Basic to use Camunda's REST API."
                  : "Camunda's REST API refused the request (HTTP " + status + ").");
      if (message != null) {
        problem.put("message", message);
      }
      if (camunda.hasNonNull("type")) {
        problem.put("exceptionType", camunda.get("type").asText());
      }
      if (camunda.hasNonNull("code")) {
        problem.put("code", camunda.get("code"));
      }
      byte[] body = json.writeValueAsBytes(problem);
      response.resetBuffer();
      response.setStatus(status);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }

    private JsonNode camunda(byte[] body) {
      try {
        JsonNode node = body.length == 0 ? null : json.readTree(body);
        return node != null && node.isObject() ? node : json.createObjectNode();
      } catch (IOException notJson) {
        return json.createObjectNode();
      }
    }
  }

  /** Lets a success through; holds back the body of a refusal so that it can be rewritten. */
  private static final class RefusalHeld extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean holding;
    private int status;
    private String heldType;
    private ServletOutputStream stream;
    private PrintWriter writer;

    RefusalHeld(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    @Override
    public void setStatus(int code) {
      if (code >= 400 && !request.isAsyncStarted() && !isCommitted()) {
        holding = true;
        status = code;
      } else {
        holding = false;
        super.setStatus(code);
      }
    }

    @Override
    public void setContentType(String type) {
      if (!holding) {
        super.setContentType(type);
      } else {
        heldType = type;
      }
    }

    /** The status held back, so that filters inside this one (the login throttle) see it. */
    @Override
    public int getStatus() {
      return holding ? status : super.getStatus();
    }

    boolean isProblem() {
      if (heldType == null || kept.size() >= KEPT_BYTES) {
        return false;
      }
      try {
        return MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(
            MediaType.parseMediaType(heldType));
      } catch (org.springframework.util.InvalidMimeTypeException unreadable) {
        return false;
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!holding) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!holding) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!holding || !isBodyHeader(name)) {
        super.setHeader(name, value);
      } else if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
        heldType = value;
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!holding || !isBodyHeader(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new Kept();
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!holding) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (!holding) {
        super.flushBuffer();
      }
    }

    private static boolean isBodyHeader(String name) {
      return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
          || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
    }

    private final class Kept extends ServletOutputStream {

      @Override
      public void write(int b) {
        if (kept.size() < KEPT_BYTES) {
          kept.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        kept.write(bytes, offset, Math.min(length, Math.max(0, KEPT_BYTES - kept.size())));
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
        throw new IllegalStateException("not for asynchronous writes");
      }
    }
  }
}
