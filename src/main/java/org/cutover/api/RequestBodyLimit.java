package org.cutover.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body larger than {@code cutover.http.max-body-size} (1 MiB) is read: a larger
 * Content-Length is answered 413 at once, and a body sent without one (chunked) stops being read at
 * the limit and is answered 413 as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

  private final long limit;

  RequestBodyLimit(@Value("${cutover.http.max-body-size:1MB}") DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      refuse(response);
      return;
    }
    LimitedBody limited = new LimitedBody(request, limit);
    chain.doFilter(limited, response);
    if (limited.exceeded && !response.isCommitted()) {
      response.reset();
      refuse(response);
    }
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setHeader("Connection", "close");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(ProblemText.json(413, ProblemTypes.TOO_LARGE, "Request too large", tooLarge(limit)));
  }

  static String tooLarge(long limit) {
    return "The request body is larger than "
        + limit
        + " bytes, the most this server reads; send less (a migration of 2000 mailboxes fits"
        + " easily).";
  }

  /** The body was cut off at the limit; the API answers 413 (see {@link ApiProblems}). */
  static final class BodyTooLarge extends IOException {

    final long limit;

    BodyTooLarge(long limit) {
      super("request body over " + limit + " bytes");
      this.limit = limit;
    }
  }

  private static final class LimitedBody extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;
    private boolean exceeded;

    LimitedBody(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset;
      try {
        charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException unknown) {
        throw new UnsupportedEncodingException("unknown charset");
      }
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private final class Counting extends ServletInputStream {

      private final ServletInputStream body;
      private long read;

      Counting(ServletInputStream body) {
        this.body = body;
      }

      @Override
      public int read() throws IOException {
        int next = body.read();
        if (next >= 0) {
          count(1);
        }
        return next;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = body.read(buffer, offset, length);
        if (count > 0) {
          count(count);
        }
        return count;
      }

      private void count(int bytes) throws BodyTooLarge {
        read += bytes;
        if (read > limit) {
          exceeded = true;
          throw new BodyTooLarge(limit);
        }
      }

      @Override
      public boolean isFinished() {
        return body.isFinished();
      }

      @Override
      public boolean isReady() {
        return body.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        body.setReadListener(listener);
      }
    }
  }
}
