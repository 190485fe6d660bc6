package org.cutover.dns.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cutover.http.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to Cloudflare's API v4 with the bearer token, reads the envelope {@code {success,
 * errors, messages, result, result_info}}, and waits out HTTP 429 as told by Retry-After (seconds
 * or an HTTP date), a bounded number of times. Never puts the token in a log or a message.
 */
final class CloudflareApi {

  /** Waits between attempts; tests pass one that only records the wait. */
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(CloudflareApi.class);
  private static final Duration DEFAULT_RETRY_WAIT = Duration.ofSeconds(1);

  private final CloudflareSettings settings;
  private final Supplier<String> token;
  private final HttpClient http;
  private final Pause pause;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  CloudflareApi(
      CloudflareSettings settings,
      Supplier<String> token,
      HttpClient http,
      Pause pause,
      Clock clock) {
    this.settings = settings;
    this.token = token;
    this.http = http;
    this.pause = pause;
    this.clock = clock;
  }

  ObjectMapper json() {
    return json;
  }

  ApiResult get(String path) {
    return send("GET", path, null);
  }

  ApiResult post(String path, JsonNode body) {
    return send("POST", path, body);
  }

  ApiResult patch(String path, JsonNode body) {
    return send("PATCH", path, body);
  }

  ApiResult delete(String path) {
    return send("DELETE", path, null);
  }

  private ApiResult send(String method, String path, JsonNode body) {
    String secret = token.get();
    if (secret == null || secret.isBlank()) {
      return new ApiResult.Refused("The Cloudflare API token is empty; store the token again");
    }
    URI uri = URI.create(settings.baseUrl() + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + secret.strip())
            .header("Accept", "application/json");
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    String what = method + " " + stripQuery(path);
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        return new ApiResult.Unavailable(
            "Cloudflare did not answer "
                + what
                + " within "
                + settings.timeout().toSeconds()
                + " s");
      } catch (IOException e) {
        return new ApiResult.Unavailable(
            "Cloudflare could not be reached for " + what + ": " + e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ApiResult.Unavailable("Interrupted while calling Cloudflare for " + what);
      }
      int status = response.statusCode();
      log.debug("Cloudflare {} answered HTTP {} (attempt {})", what, status, attempt);
      if (status == 429) {
        Duration wait = retryAfter(response).orElse(DEFAULT_RETRY_WAIT);
        if (attempt >= settings.maxAttempts() || wait.compareTo(settings.maxRetryWait()) > 0) {
          return new ApiResult.Unavailable(
              "Cloudflare rate-limited "
                  + what
                  + " (HTTP 429) "
                  + attempt
                  + (attempt == 1 ? " time" : " times")
                  + "; it asks to wait "
                  + wait.toSeconds()
                  + " s. Try again later");
        }
        log.info("Cloudflare rate-limited {}; waiting {} ms as told", what, wait.toMillis());
        try {
          pause.pause(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new ApiResult.Unavailable("Interrupted while waiting out Cloudflare's rate limit");
        }
        continue;
      }
      return envelope(what, status, response.body());
    }
  }

  private ApiResult envelope(String what, int status, String body) {
    JsonNode root;
    try {
      root = json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      root = json.createObjectNode();
    }
    if (status >= 200 && status < 300 && root.path("success").asBoolean(false)) {
      return new ApiResult.Ok(root.path("result"), root.path("result_info"));
    }
    String errors = errors(root);
    if (status == 401 || status == 403) {
      return new ApiResult.Refused(
          "Cloudflare refused the API token for "
              + what
              + " (HTTP "
              + status
              + errors
              + "); give the token the permission Zone:DNS:Edit on this zone");
    }
    if (status >= 500) {
      return new ApiResult.Unavailable(
          "Cloudflare failed on " + what + " (HTTP " + status + errors + "); try again later");
    }
    return new ApiResult.Refused("Cloudflare refused " + what + " (HTTP " + status + errors + ")");
  }

  private static String errors(JsonNode root) {
    List<String> parts = new ArrayList<>();
    for (JsonNode error : root.path("errors")) {
      parts.add("[" + error.path("code").asText("?") + "] " + error.path("message").asText(""));
    }
    return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
  }

  private Optional<Duration> retryAfter(HttpResponse<String> response) {
    return RetryAfter.of(response, clock.instant());
  }

  private static String stripQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
