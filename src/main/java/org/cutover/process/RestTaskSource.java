package org.cutover.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasks from a node's engine REST API ({@code /engine-rest/external-task/...}), signed in as the
 * worker account, with the configured extra headers on every request. An idle fetch waits at the
 * server (long polling) until a task comes or the timeout passes.
 */
final class RestTaskSource implements TaskSource {

  private final HttpClient http;
  private final ObjectMapper json;
  private final URI base;
  private final String authorization;
  private final Map<String, String> headers;
  private final String workerId;
  private final Duration longPoll;
  private final Clock clock;

  RestTaskSource(
      HttpClient http,
      ObjectMapper json,
      URI engineRest,
      String user,
      String password,
      Map<String, String> headers,
      String workerId,
      Duration longPoll,
      Clock clock) {
    this.http = http;
    this.json = json;
    String url = engineRest.toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.headers = Map.copyOf(headers);
    this.workerId = workerId;
    this.longPoll = longPoll;
    this.clock = clock;
  }

  @Override
  public String workerId() {
    return workerId;
  }

  @Override
  public List<SyncTask> fetchAndLock(int maxTasks, Duration lock) {
    Map<String, Object> topic = new LinkedHashMap<>();
    topic.put("topicName", TOPIC);
    topic.put("lockDuration", lock.toMillis());
    topic.put("variables", VARIABLES);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workerId", workerId);
    body.put("maxTasks", maxTasks);
    body.put("usePriority", true);
    body.put("asyncResponseTimeout", longPoll.toMillis());
    body.put("topics", List.of(topic));
    Instant asked = clock.instant();
    HttpResponse<String> answer =
        post("external-task/fetchAndLock", body, longPoll.plusSeconds(30));
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(refusal("fetch tasks", answer));
    }
    List<SyncTask> tasks = new ArrayList<>();
    try {
      for (JsonNode t : json.readTree(answer.body())) {
        JsonNode variables = t.path("variables");
        tasks.add(
            new SyncTask(
                t.path("id").asText(),
                value(variables, "migrationId"),
                value(variables, "mailboxId"),
                value(variables, "syncMode"),
                t.path("retries").isNumber() ? t.path("retries").asInt() : null,
                asked.plus(lock)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The engine's task list could not be read", e);
    }
    return tasks;
  }

  private static String value(JsonNode variables, String name) {
    JsonNode value = variables.path(name).path("value");
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  @Override
  public Duration idleWait() {
    return Duration.ZERO;
  }

  @Override
  public void complete(String taskId, Map<String, Object> localVariables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workerId", workerId);
    body.put("localVariables", typed(localVariables));
    expectNoContent("complete task " + taskId, post(path(taskId, "complete"), body, null));
  }

  @Override
  public void handleFailure(String taskId, String message, int retries, Duration retryTimeout) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workerId", workerId);
    body.put("errorMessage", message);
    body.put("retries", retries);
    body.put("retryTimeout", retryTimeout.toMillis());
    expectNoContent(
        "report the failure of task " + taskId, post(path(taskId, "failure"), body, null));
  }

  @Override
  public void extendLock(String taskId, Duration lock) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workerId", workerId);
    body.put("newDuration", lock.toMillis());
    HttpResponse<String> answer = post(path(taskId, "extendLock"), body, null);
    if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
      throw new TaskLockRefused(refusal("extend the lock of task " + taskId, answer));
    }
    expectNoContent("extend the lock of task " + taskId, answer);
  }

  private static String path(String taskId, String action) {
    return "external-task/"
        + java.net.URLEncoder.encode(taskId, StandardCharsets.UTF_8)
        + "/"
        + action;
  }

  /** Variables in the REST API's typed form: {"name": {"value": 1, "type": "Long"}}. */
  private static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach(
        (name, value) -> {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("value", value);
          v.put("type", value == null ? "Null" : value.getClass().getSimpleName());
          typed.put(name, v);
        });
    return typed;
  }

  private HttpResponse<String> post(String path, Object body, Duration timeout) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(timeout == null ? Duration.ofSeconds(30) : timeout)
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      headers.forEach(request::header);
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("The engine at " + base + " could not be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Stopped while waiting for the engine at " + base, e);
    }
  }

  private void expectNoContent(String what, HttpResponse<String> answer) {
    if (answer.statusCode() != 204 && answer.statusCode() != 200) {
      if (conflict(answer)) {
        throw new TaskReportConflict(refusal(what, answer));
      }
      throw new IllegalStateException(refusal(what, answer));
    }
  }

  /** The engine's REST API names the exception it caught in its answer's {@code type}. */
  private boolean conflict(HttpResponse<String> answer) {
    try {
      return "OptimisticLockingException"
          .equals(json.readTree(answer.body()).path("type").asText());
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }

  /** The engine's own message (never a secret: the request held none but the sign-in). */
  private String refusal(String what, HttpResponse<String> answer) {
    String message = "";
    try {
      message = json.readTree(answer.body()).path("message").asText("");
    } catch (IOException | RuntimeException unreadable) {
      // the status alone says enough
    }
    return "The engine at "
        + base
        + " did not "
        + what
        + " (HTTP "
        + answer.statusCode()
        + (message.isEmpty() ? "" : ": " + message)
        + ")";
  }
}
