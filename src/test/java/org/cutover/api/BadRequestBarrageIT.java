package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A few thousand bad requests, made from one seed, sent to the whole application over real HTTP:
 * none may answer 5xx, and every 4xx must be an RFC 9457 problem detail. Every capability is
 * configured (letters through an SMTP server that is never reached), so a body that happens to be
 * valid is registered like any other. On failure it prints the seed and each failing request as
 * sent; {@code -Dbarrage.seed=N -Dbarrage.requests=M} repeats a run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=9",
      "cutover.letters.from=it@barrage.test",
      "cutover.letters.administrator-email=admin@barrage.test",
      // the SMTP server is never there: its health is not what this test is about
      "management.health.mail.enabled=false"
    })
@ActiveProfiles("test")
class BadRequestBarrageIT {

  static final long SEED = Long.getLong("barrage.seed", 20261207L);
  static final int REQUESTS = Integer.getInteger("barrage.requests", 2000);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void noBadRequestIsAnsweredWithA5xxOrWithoutAProblemDetail() throws IOException {
    RawHttp http = new RawHttp(port);
    BadRequests requests = new BadRequests(SEED);
    List<String> failures = new ArrayList<>();
    int problems = 0;
    long slowest = 0;
    String slowestRequest = "";
    for (int i = 0; i < REQUESTS; i++) {
      RawHttp.Request request = requests.next();
      long started = System.nanoTime();
      RawHttp.Response response = http.send(request);
      long took = System.nanoTime() - started;
      if (took > slowest) {
        slowest = took;
        slowestRequest = "#" + i + " " + request.describe();
      }
      if (isRefusal(response)) {
        problems++;
      }
      if (isWrong(response) && failures.size() < 25) {
        failures.add(
            "#"
                + i
                + " answered "
                + response.status()
                + " "
                + response.contentType()
                + ": "
                + response.body()
                + "\n"
                + request.describe());
      }
    }
    System.out.printf(
        "Barrage: %d requests, %d refusals; slowest %d ms: %s%n",
        REQUESTS, problems, slowest / 1_000_000, RawHttp.shown(slowestRequest, 300));
    assertThat(failures)
        .as(
            "requests answered with a 5xx or a 4xx that is no problem detail (seed %d, %d"
                + " requests; repeat with -Dbarrage.seed=%d -Dbarrage.requests=%d)",
            SEED, REQUESTS, SEED, REQUESTS)
        .isEmpty();
    assertThat(problems).as("refusals among %d bad requests", REQUESTS).isGreaterThan(REQUESTS / 2);
  }

  @Test
  void knownOddRequestsAreRefusedWithTheirStatusAsProblemDetails() throws IOException {
    RawHttp http = new RawHttp(port);
    String admin = BadRequests.ADMIN;
    String json = "Content-Type: application/json";
    byte[] hugeSecret =
        ("{\"name\": \"big\", \"secret\": \"" + "a".repeat(1_000_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] twoMegabytes = ("\"" + "a".repeat(2_000_000) + "\"").getBytes(StandardCharsets.UTF_8);
    Map<RawHttp.Request, Integer> expected = new LinkedHashMap<>();
    expected.put(get("/api/migrations/%zz", admin), 400);
    expected.put(get("/api/migrations/%00", admin), 400);
    expected.put(get("/api/migrations/a%2Fb", admin), 400);
    expected.put(get("/api/migrations", admin, "X-Big: " + "a".repeat(20_000)), 400);
    expected.put(get("/api/migrations", admin, "Accept: garbage"), 406);
    expected.put(get("/api/migrations", admin, "Accept: text/html"), 406);
    expected.put(get("/error", null), 404);
    // Tests give the engine a unique name, so Camunda's REST API addresses it by name.
    String engineRest = "/engine-rest/engine/" + engine.getName();
    expected.put(get(engineRest + "/task", null), 401);
    expected.put(get(engineRest + "/task/no-such-task", admin), 404);
    expected.put(get("/v3/api-docs/x", null), 404);
    expected.put(
        new RawHttp.Request("POST", "/api/credentials", List.of(admin, json), hugeSecret, false),
        400);
    expected.put(
        new RawHttp.Request("POST", "/api/migrations", List.of(admin, json), twoMegabytes, false),
        413);
    expected.put(
        new RawHttp.Request("POST", "/api/migrations", List.of(admin, json), twoMegabytes, true),
        413);
    expected.put(
        new RawHttp.Request(
            "POST",
            "/api/credentials",
            List.of(admin, json),
            "{\"name\": \"x\", \"secret\": \"y\"} trailing".getBytes(StandardCharsets.UTF_8),
            false),
        400);
    expected.put(
        new RawHttp.Request(
            "POST",
            "/api/migrations",
            List.of(admin, "Content-Type: multipart/form-data", "X-Requested-By: cutover"),
            BadRequests.VALID_MIGRATION.getBytes(StandardCharsets.UTF_8),
            false),
        415);
    // A form's content type without the cross-site proof is refused before anything else.
    expected.put(
        new RawHttp.Request(
            "POST",
            "/api/migrations",
            List.of(admin, "Content-Type: multipart/form-data"),
            BadRequests.VALID_MIGRATION.getBytes(StandardCharsets.UTF_8),
            false),
        403);
    for (Map.Entry<RawHttp.Request, Integer> entry : expected.entrySet()) {
      RawHttp.Response response = http.send(entry.getKey());
      assertThat(response.status()).as(entry.getKey().describe()).isEqualTo(entry.getValue());
      assertThat(response.contentType())
          .as(entry.getKey().describe())
          .startsWith("application/problem+json");
      assertThat(response.body()).as(entry.getKey().describe()).contains("\"status\":");
    }
  }

  private static RawHttp.Request get(String path, String login, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    if (login != null) {
      all.add(login);
    }
    return new RawHttp.Request("GET", path, all, null, false);
  }

  private static boolean isRefusal(RawHttp.Response response) {
    return response.status() >= 400 && response.status() < 500;
  }

  static boolean isWrong(RawHttp.Response response) {
    if (response.status() == 0 || response.status() >= 500) {
      return true;
    }
    return isRefusal(response)
        && (response.contentType() == null
            || !response.contentType().startsWith("application/problem+json"));
  }
}
