package org.cutover.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cutover.http.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to Microsoft Graph v1.0 for an app registration, with its bearer token. Throttling (429)
 * and unavailability (503, 504) are waited out as Retry-After says (decimal seconds or an HTTP
 * date; without it 1, 2, 4… s), a bounded number of times; a refused token (401) is renewed once; a
 * 403 names the application permission the call needs. Writes (every method but GET) are paced by a
 * {@link WritePacer} to stay within the directory's write limits. Every other answer goes back to
 * the caller, who knows what a 404 or 400 means for its call. Each 429 is told to the {@link
 * ThrottlingListener}.
 */
final class GraphApi {

  /** Waits between attempts; tests pass one that only records the wait. */
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(GraphApi.class);

  private final URI graphUrl;
  private final String scope;
  private final EntraTokens tokens;
  private final HttpClient http;
  private final Duration timeout;
  private final int maxAttempts;
  private final Duration maxRetryWait;
  private final Pause pause;
  private final Clock clock;
  private final WritePacer writes;
  private final ThrottlingListener throttling;
  private final ObjectMapper json = new ObjectMapper();

  GraphApi(
      TenantProperties.Microsoft365 settings,
      EntraTokens tokens,
      HttpClient http,
      Pause pause,
      Clock clock,
      ThrottlingListener throttling) {
    this.throttling = throttling;
    this.graphUrl = settings.graphUrl();
    this.scope = settings.graphScope();
    this.tokens = tokens;
    this.http = http;
    this.timeout = settings.timeout();
    this.maxAttempts = settings.maxAttempts();
    this.maxRetryWait = settings.maxRetryWait();
    this.pause = pause;
    this.clock = clock;
    this.writes = new WritePacer(clock, settings.writesPerSecond(), settings.writeBurst());
  }

  ObjectMapper json() {
    return json;
  }

  /** Encodes a query parameter's value (spaces as %20, as OData expects). */
  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Encodes one path segment, such as a user principal name ('@' stays, as Graph writes it). */
  static String segment(String value) {
    return query(value).replace("%40", "@");
  }

  /** An OData string literal: quotes doubled, then encoded for the query. */
  static String literal(String value) {
    return query("'" + value.replace("'", "''") + "'");
  }

  GraphResponse get(Microsoft365App app, String path, String permission) {
    return send(app, "GET", path, null, Map.of(), permission);
  }

  /** A GET with request headers, such as {@code ConsistencyLevel: eventual}. */
  GraphResponse get(
      Microsoft365App app, String path, Map<String, String> headers, String permission) {
    return send(app, "GET", path, null, headers, permission);
  }

  /**
   * Every item of a paged collection: the {@code value} of each page, following {@code
   * @odata.nextLink} to the last page.
   *
   * @param refused what to throw when a page is refused, given the answer
   */
  List<JsonNode> all(
      Microsoft365App app,
      String path,
      Map<String, String> headers,
      String permission,
      Function<GraphResponse, RuntimeException> refused) {
    List<JsonNode> items = new ArrayList<>();
    String next = path;
    while (next != null) {
      GraphResponse page = get(app, next, headers, permission);
      if (!page.ok()) {
        throw refused.apply(page);
      }
      page.body().path("value").forEach(items::add);
      JsonNode link = page.body().path("@odata.nextLink");
      next = link.isTextual() ? link.asText() : null;
    }
    return items;
  }

  GraphResponse post(Microsoft365App app, String path, Object body, String permission) {
    return send(app, "POST", path, body, Map.of(), permission);
  }

  GraphResponse patch(Microsoft365App app, String path, Object body, String permission) {
    return send(app, "PATCH", path, body, Map.of(), permission);
  }

  /**
   * @param path below the Graph root, starting with '/', or an absolute {@code @odata.nextLink}
   * @param permission the least application permission that allows the call, named when refused
   */
  private GraphResponse send(
      Microsoft365App app,
      String method,
      String path,
      Object body,
      Map<String, String> headers,
      String permission) {
    URI uri =
        path.startsWith("https://") || path.startsWith("http://")
            ? URI.create(path)
            : URI.create(graphUrl.toString().replaceAll("/+$", "") + path);
    String what = method + " " + shown(uri);
    String payload = body == null ? null : write(body);
    boolean renewed = false;
    boolean renewNow = false;
    Duration backoff = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Authorization", "Bearer " + tokens.token(app, scope, renewNow))
              .header("Accept", "application/json");
      headers.forEach(request::header);
      if (payload != null) {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(payload));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      renewNow = false;
      if (!"GET".equals(method)) {
        paced(what, app);
      }
      HttpResponse<String> response = exchange(request.build(), what, app);
      int status = response.statusCode();
      GraphResponse answer = new GraphResponse(what, status, read(response.body()));
      log.debug("Graph {} for {} answered HTTP {} (try {})", what, app.describe(), status, attempt);
      if (status == 401 && !renewed) {
        renewed = true;
        renewNow = true;
        attempt--;
        continue;
      }
      if (status == 401) {
        throw new TargetNeedsAdministrator(
            "Microsoft Graph refused the token of "
                + app.describe()
                + " ("
                + answer.describe()
                + "): check that the app registration belongs to this tenant and has"
                + " application permissions with admin consent");
      }
      if (status == 403) {
        throw new TargetNeedsAdministrator(
            "Microsoft Graph refused "
                + app.describe()
                + " ("
                + answer.describe()
                + "): give the app registration the Microsoft Graph application permission "
                + permission
                + " (API permissions, then Grant admin consent) and retry the step");
      }
      if (status == 429) {
        throttling.throttled(endpoint(uri));
      }
      if (status == 429 || status == 503 || status == 504) {
        Optional<Duration> told = retryAfter(response);
        Duration wait = told.orElse(backoff);
        backoff = backoff.multipliedBy(2);
        if (attempt >= maxAttempts || wait.compareTo(maxRetryWait) > 0) {
          throw new TargetUnavailable(
              "Microsoft Graph "
                  + (status == 429 ? "throttled " : "was unavailable for ")
                  + what
                  + " "
                  + attempt
                  + (attempt == 1 ? " time" : " times")
                  + " (HTTP "
                  + status
                  + (told.isPresent() ? ", Retry-After " + seconds(wait) + " s" : "")
                  + "); the step is tried again later");
        }
        log.info(
            "Graph {} for {} answered HTTP {}; waiting {} ms before try {}",
            what,
            app.describe(),
            status,
            wait.toMillis(),
            attempt + 1);
        try {
          pause.pause(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TargetUnavailable("Interrupted while waiting to call Microsoft Graph again");
        }
        continue;
      }
      if (status >= 500) {
        throw new TargetUnavailable(
            "Microsoft Graph failed on " + answer.describe() + "; the step is tried again later");
      }
      return answer;
    }
  }

  /** Waits for this write's turn under the write pace. */
  private void paced(String what, Microsoft365App app) {
    Duration wait = writes.reserve();
    if (wait.isZero()) {
      return;
    }
    log.debug(
        "Graph {} for {} waits {} ms for the write pace", what, app.describe(), wait.toMillis());
    try {
      pause.pause(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetUnavailable("Interrupted while waiting to write to Microsoft Graph");
    }
  }

  private HttpResponse<String> exchange(HttpRequest request, String what, Microsoft365App app) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new TargetUnavailable(
          "Microsoft Graph did not answer "
              + what
              + " for "
              + app.describe()
              + " within "
              + timeout.toSeconds()
              + " s; the step is tried again later");
    } catch (IOException e) {
      throw new TargetUnavailable(
          "Microsoft Graph could not be reached for "
              + what
              + " ("
              + e.getClass().getSimpleName()
              + "); the step is tried again later");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetUnavailable("Interrupted while calling Microsoft Graph for " + what);
    }
  }

  private String write(Object body) {
    try {
      return body instanceof JsonNode node ? node.toString() : json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("Graph request body cannot be written as JSON", e);
    }
  }

  private JsonNode read(String body) {
    if (body == null || body.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  private Optional<Duration> retryAfter(HttpResponse<String> response) {
    return RetryAfter.of(response, clock.instant());
  }

  private static String seconds(Duration wait) {
    return BigDecimal.valueOf(wait.toMillis())
        .movePointLeft(3)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The host that answered, with its port when the URL names one: graph.microsoft.com. */
  static String endpoint(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** The path and query as sent, below the Graph root, for messages. */
  private String shown(URI uri) {
    String root = graphUrl.getRawPath().replaceAll("/+$", "");
    String path = uri.getRawPath();
    if (path.startsWith(root)) {
      path = path.substring(root.length());
    }
    return uri.getQuery() == null ? path : path + "?" + uri.getQuery();
  }
}
