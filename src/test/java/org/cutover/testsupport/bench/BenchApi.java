package org.cutover.testsupport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The application's REST APIs as an administrator calls them, each call timed. */
final class BenchApi {

  /** One answer: status, body and how long it took from sending to the last byte. */
  record Answer(int status, String body, long nanos) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }

    double millis() {
      return nanos / 1e6;
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  BenchApi(int port, String user, String password) {
    this.base = "http://127.0.0.1:" + port;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Answer get(String path) {
    return send(request(path).GET().build());
  }

  Answer post(String path, Object body) {
    try {
      return send(
          request(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the application answers its health probe. */
  boolean up() {
    try {
      return send(request("/actuator/health").GET().build()).status() == 200;
    } catch (IllegalStateException notYet) {
      return false;
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private Answer send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
