package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cutover.testsupport.MutableClock;
import org.cutover.testsupport.RawHttp;
import org.cutover.testsupport.RawHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * Cross-site refusal, the per-address login throttle and the security headers, over real HTTP from
 * several loopback addresses. The throttle's clock is moved by the test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cutover.login-throttle.free-failures=3",
      "cutover.login-throttle.first-delay=PT1S",
      "cutover.login-throttle.max-delay=PT8S",
      "cutover.login-throttle.forget-after=PT1H"
    })
@ActiveProfiles("test")
class WebSecurityTest {

  /** The throttle's clock, moved by the test instead of waited for. */
  @TestConfiguration
  static class ThrottleClock {
    @Bean(WebSecurityFilters.CLOCK)
    MutableClock loginThrottleClock() {
      return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    }
  }

  @Autowired MutableClock throttleClock;

  static final String ADMIN = RawHttp.basic("admin", "admin-test-password");
  static final String WORKER = "cutoverworker";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired ObjectMapper json;

  @Value("${cutover.worker.password}")
  String workerPassword;

  private RawHttp from(String address) {
    return new RawHttp(address, port);
  }

  private String engineRest(String resource) {
    return "/engine-rest/engine/" + engine.getName() + resource;
  }

  private static Map<String, String> headers(String... pairs) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      headers.put(pairs[i], pairs[i + 1]);
    }
    return headers;
  }

  private String problemType(Response response) throws IOException {
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    return json.readTree(response.body()).get("type").asText();
  }

  @Test
  void aChangeWithoutProofOfItsOriginIsRefusedBeforeAnythingHappens() throws IOException {
    RawHttp client = from("127.0.0.1");
    for (Response refused :
        List.of(
            client.send(
                "POST", "/api/migrations/m-1/cancel", headers("Authorization", ADMIN), null),
            client.send(
                "POST",
                "/api/migrations/m-1/cancel",
                headers(
                    "Authorization", ADMIN, "Content-Type", "application/x-www-form-urlencoded"),
                "confirm=yes"),
            client.send(
                "POST",
                engineRest("/deployment/create"),
                headers("Authorization", ADMIN, "Content-Type", "multipart/form-data; boundary=b"),
                "--b--\r\n"),
            client.send(
                "DELETE",
                engineRest("/process-instance/some-id"),
                headers("Authorization", ADMIN),
                null))) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(problemType(refused)).isEqualTo("urn:cutover:problem:cross-site-refused");
      assertThat(refused.body()).contains("X-Requested-By");
    }
  }

  @Test
  void theHeaderAJsonBodyOrTheBrowsersSameOriginMarkLetAChangeThrough() throws IOException {
    RawHttp client = from("127.0.0.1");
    Response withHeader =
        client.send(
            "POST",
            "/api/migrations/m-1/cancel",
            headers("Authorization", ADMIN, "X-Requested-By", "cutover"),
            null);
    assertThat(problemType(withHeader)).isEqualTo("urn:cutover:problem:not-found");
    Response sameOrigin =
        client.send(
            "POST",
            "/api/migrations/m-1/cancel",
            headers("Authorization", ADMIN, "Sec-Fetch-Site", "same-origin"),
            null);
    assertThat(problemType(sameOrigin)).isEqualTo("urn:cutover:problem:not-found");
    Response json =
        client.send(
            "POST",
            "/api/credentials",
            headers("Authorization", ADMIN, "Content-Type", "application/json"),
            "{}");
    assertThat(json.status()).isEqualTo(400);
    Response deployment =
        client.send(
            "POST",
            engineRest("/deployment/create"),
            headers(
                "Authorization", ADMIN,
                "X-Requested-By", "cutover",
                "Content-Type", "multipart/form-data; boundary=b"),
            "--b--\r\n");
    assertThat(problemType(deployment)).isEqualTo("urn:cutover:problem:deployments-disabled");
  }

  @Test
  void wrongPasswordsSlowTheirSenderWhileTheWorkerKeepsSyncing() throws Exception {
    RawHttp attacker = from("127.0.0.2");
    String fetch = engineRest("/external-task/fetchAndLock");
    String fetchBody =
        "{\"workerId\":\"probe\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"none\","
            + "\"lockDuration\":1000}]}";
    Map<String, String> wrong =
        headers(
            "Authorization", RawHttp.basic(WORKER, "guess"), "Content-Type", "application/json");
    // Twenty wrong passwords for the worker, each sent as soon as the address may try again: more
    // than Camunda's own lock-out (ten) and its delays (twelve tries) would have let through.
    int refusedAsWrong = 0;
    int throttled = 0;
    while (refusedAsWrong < 20) {
      Response answer = attacker.send("POST", fetch, wrong, fetchBody);
      if (answer.status() == 401) {
        refusedAsWrong++;
      } else {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(problemType(answer)).isEqualTo("urn:cutover:problem:too-many-login-failures");
        throttled++;
        throttleClock.advance(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After"))));
      }
    }
    assertThat(throttled).isPositive();

    // The throttled address is refused even with the right password, before it is checked ...
    Response rightButThrottled =
        attacker.send(
            "POST",
            fetch,
            headers(
                "Authorization",
                RawHttp.basic(WORKER, workerPassword),
                "Content-Type",
                "application/json"),
            fetchBody);
    assertThat(rightButThrottled.status()).isEqualTo(429);
    // ... while another address signs in at once, and the account is not locked.
    Response elsewhere =
        from("127.0.0.3").send("GET", "/engine-rest/engine", headers("Authorization", ADMIN), null);
    assertThat(elsewhere.status()).isEqualTo(200);
    assertThat(identity.checkPassword(WORKER, workerPassword)).isTrue();
    workerSyncsAMailbox();
    // After the wait the throttled address gets in with the right password.
    throttleClock.advance(Duration.ofSeconds(8));
    Response afterTheWait =
        attacker.send(
            "POST",
            fetch,
            headers(
                "Authorization",
                RawHttp.basic(WORKER, workerPassword),
                "Content-Type",
                "application/json"),
            fetchBody);
    assertThat(afterTheWait.status()).isEqualTo(200);
  }

  private void workerSyncsAMailbox() {
    ProcessInstance instance =
        runtime
            .createProcessInstanceByKey("cutover-migration")
            .startBeforeActivity("copyMailbox")
            .setVariables(Map.of("migrationId", "m-1", "mailboxId", "mb-1"))
            .execute();
    ExternalTaskClient client =
        ExternalTaskClient.create()
            .baseUrl("http://127.0.0.1:" + port + engineRest(""))
            .workerId("throttle-test")
            .addInterceptor(new BasicAuthProvider(WORKER, workerPassword))
            .asyncResponseTimeout(1000)
            .disableBackoffStrategy()
            .build();
    try {
      client
          .subscribe("mailbox-sync")
          .handler(
              (task, service) -> service.complete(task, Map.of(), Map.of("syncSucceeded", true)))
          .open();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  engine
                          .getExternalTaskService()
                          .createExternalTaskQuery()
                          .processInstanceId(instance.getId())
                          .count()
                      == 0);
    } finally {
      client.stop();
      runtime.deleteProcessInstance(instance.getId(), "test over");
    }
  }

  @Test
  void wrongPasswordsAtTheApiAndTheWebappLoginCountToo() throws IOException {
    RawHttp api = from("127.0.0.4");
    int status = 0;
    for (int i = 0; i < 5 && status != 429; i++) {
      status =
          api.send(
                  "GET",
                  "/api/migrations",
                  headers("Authorization", RawHttp.basic("admin", "wrong")),
                  null)
              .status();
    }
    assertThat(status).isEqualTo(429);

    // The webapps' login form, with the session and CSRF token Camunda's login page gets first.
    RawHttp webapp = from("127.0.0.5");
    Response page =
        webapp.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/", headers(), null);
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String cookie : page.headers().get("set-cookie")) {
      String pair = cookie.split(";")[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    Map<String, String> form =
        headers(
            "Content-Type", "application/x-www-form-urlencoded",
            "Cookie",
                cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(java.util.stream.Collectors.joining("; ")),
            "X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    String login = "/camunda/api/admin/auth/user/" + engine.getName() + "/login/cockpit";
    List<Integer> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 5 && !answers.contains(429); i++) {
      answers.add(webapp.send("POST", login, form, "username=admin&password=wrong").status());
    }
    assertThat(answers).startsWith(401).endsWith(429);
  }

  @Test
  void everyPathSendsSecurityHeaders() throws IOException {
    RawHttp client = from("127.0.0.1");
    for (String path :
        List.of(
            "/engine-rest/engine",
            engineRest("/process-definition"),
            "/api/migrations",
            "/v3/api-docs",
            "/swagger-ui/index.html",
            "/no-such-path",
            "/actuator/health")) {
      Response answer = client.send("GET", path, headers(), null);
      assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(answer.headers().get("content-security-policy")).as(path).hasSize(1);
      assertThat(answer.header("Content-Security-Policy"))
          .as(path)
          .contains("frame-ancestors 'none'");
    }
    assertThat(
            client
                .send("GET", "/swagger-ui/index.html", headers(), null)
                .header("Content-Security-Policy"))
        .contains("script-src 'self'");

    Response tasklist =
        client.send("GET", "/camunda/app/tasklist/" + engine.getName() + "/", headers(), null);
    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(tasklist.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    // Camunda's own policy, once, not ours beside it.
    assertThat(tasklist.headers().get("content-security-policy")).hasSize(1);
    assertThat(tasklist.header("Content-Security-Policy")).doesNotContain("default-src 'none'");
  }
}
