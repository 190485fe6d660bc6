package org.cutover.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one connection per request: sends exactly the bytes it is given (a
 * path with a bad percent-encoding, a method no client library would send, a header of 20 KB),
 * which a client library would refuse or repair.
 */
final class RawHttp {

  /** A request as sent; {@code body} null for none. */
  record Request(String method, String path, List<String> headers, byte[] body, boolean chunked) {

    /** What was sent, for a person to reproduce it (long values cut, control characters shown). */
    String describe() {
      StringBuilder text = new StringBuilder();
      text.append(method).append(' ').append(shown(path, 300)).append('\n');
      for (String header : headers) {
        text.append("  ").append(shown(header, 200)).append('\n');
      }
      if (body != null) {
        text.append("  body (")
            .append(body.length)
            .append(" bytes")
            .append(chunked ? ", chunked" : "")
            .append("): ")
            .append(shown(new String(body, StandardCharsets.UTF_8), 600));
      }
      return text.toString();
    }
  }

  /** An answer: status 0 when none could be read. */
  record Response(int status, String contentType, String body) {}

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  Response send(Request request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      try {
        write(socket.getOutputStream(), request);
      } catch (IOException refusedMidway) {
        // the server may answer and close before reading a body it will not take
      }
      return read(socket.getInputStream());
    }
  }

  private void write(OutputStream out, Request request) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    for (String header : request.headers()) {
      head.append(header).append("\r\n");
    }
    byte[] body = request.body();
    if (body != null && request.chunked()) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    if (body != null && request.chunked()) {
      for (int at = 0; at < body.length; at += 8192) {
        int length = Math.min(8192, body.length - at);
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, at, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    } else if (body != null) {
      out.write(body);
    }
    out.flush();
  }

  /** Reads the head, then the body as long as Content-Length says, else until the end. */
  private static Response read(InputStream socket) throws IOException {
    InputStream in = new BufferedInputStream(socket);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    int headEnd = -1;
    try {
      int next;
      while (headEnd < 0 && (next = in.read()) >= 0) {
        all.write(next);
        if (all.size() >= 4 && all.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
          headEnd = all.size();
        }
      }
      if (headEnd > 0) {
        long length = contentLength(all.toString(StandardCharsets.ISO_8859_1));
        if (length >= 0) {
          all.write(in.readNBytes((int) Math.min(length, 1 << 20)));
        } else {
          in.transferTo(all);
        }
      }
    } catch (IOException reset) {
      // keep what arrived before the connection was reset
    }
    String text = all.toString(StandardCharsets.ISO_8859_1);
    if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
      return new Response(0, null, shown(text, 300));
    }
    String[] lines = text.substring(0, headEnd - 4).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    String contentType = header(lines, "content-type");
    return new Response(status, contentType, shown(text.substring(headEnd), 400));
  }

  private static long contentLength(String head) {
    String length = header(head.split("\r\n"), "content-length");
    return length == null ? -1 : Long.parseLong(length);
  }

  private static String header(String[] lines, String name) {
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return null;
  }

  static String shown(String text, int max) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length() && shown.length() < max; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    if (text.length() > max) {
      shown.append("... (").append(text.length()).append(" characters)");
    }
    return shown.toString();
  }
}
