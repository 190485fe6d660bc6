package org.cutover.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Bad requests made from one seed, so that a run can be repeated exactly: mutated migration and
 * credential bodies (wrong types, huge or control-character strings, cut-off or trailing JSON),
 * paths no one should send, methods, headers and body types an API must refuse, with the
 * administrator's login, a stranger's or none.
 */
final class BadRequests {

  static final String VALID_MIGRATION =
      """
      {"domain": "barrage.test", "batchName": "wave-1",
       "mailboxes": [{"emailAddress": "anna@barrage.test", "displayName": "Anna"},
                     {"emailAddress": "bo@barrage.test", "sourceLogin": "BARRAGE\\\\bo"}],
       "source": {"host": "127.0.0.1", "port": 9, "security": "IMPLICIT_TLS",
                  "allowPlaintext": false, "auth": "XOAUTH2",
                  "adminUser": "admin@barrage.test", "password": "pw",
                  "testMailbox": "anna@barrage.test", "maxConcurrentMailboxes": 5},
       "target": {"type": "IMAP", "mxHosts": ["10 mx.target.example"],
                  "endpoint": {"host": "127.0.0.1", "port": 9, "security": "STARTTLS",
                               "auth": "XOAUTH2", "adminUser": "admin", "password": "pw"}},
       "dns": {"mode": "GUIDED", "maxMxTtl": 300},
       "language": "da", "autoStartBatch": false,
       "durations": {"finalWait": "PT72H", "txtMaxAttempts": 3,
                     "incrementalSyncCycle": "PT1H"}}
      """;

  static final String VALID_CREDENTIAL = "{\"name\": \"barrage admin\", \"secret\": \"s3cret\"}";

  static final String ADMIN =
      "Authorization: Basic "
          + Base64.getEncoder()
              .encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));
  private static final String STRANGER =
      "Authorization: Basic "
          + Base64.getEncoder().encodeToString("intruder:guess".getBytes(StandardCharsets.UTF_8));

  private static final String[] ODD_TEXT = {
    "",
    " ",
    "\u0000",
    "a\u0007b",
    "line\r\nbreak",
    "<script>alert(1)</script>",
    "\u202Eevil",
    "\uD800",
    "Ærø ø å",
    "'; DROP TABLE migration; --",
    "${jndi:ldap://127.0.0.1/x}",
    "#{7*7}",
    "%s%n%x",
    "../../etc/passwd",
    "PT0.000000001S",
    "P99999999D",
    "-PT1S",
    "99999",
    "0",
    "x@y",
    "a:99999",
    "00000000-0000-0000-0000-000000000000",
  };

  private static final String[] PATHS = {
    "/api/migrations",
    "/api/migrations/",
    "/api/migrations/%zz",
    "/api/migrations/%00",
    "/api/migrations/a%2Fb",
    "/api/migrations/%c0%af",
    "/api/migrations/..%2f..%2fetc",
    "/api/migrations/;jsessionid=x",
    "/api/migrations//cancel",
    "/api/migrations/not-a-uuid",
    "/api/migrations/not-a-uuid/cancel",
    "/api/migrations/not-a-uuid/start",
    "/api/migrations/{id}/letters/announcement",
    "/api/migrations/{id}/letters/nothing",
    "/api/migrations/{id}/letters/welcome/deliveries",
    "/api/migrations/{id}/planned-switch",
    "/api/migrations/{id}/initial-passwords",
    "/api/credentials",
    "/api/credentials/x",
    "/api/credentials/mailboxes",
    "/api/%",
    "/api",
    "/api/",
    "/error",
    "/error/x",
    "/v3/api-docs",
    "/v3/api-docs/x",
    "/v3/api-docs/%zz",
    "/v3/api-docs.yaml",
    "/swagger-ui/x",
    "/actuator/health",
    "/actuator/health/x",
    "/actuator/env",
    "/engine-rest/engine",
    "/engine-rest/task",
    "/engine-rest/task/{id}",
    "/engine-rest/process-definition/key/{id}",
    "/engine-rest/process-instance/{id}",
    "/engine-rest/external-task/{id}",
    "/engine-rest/nothing",
    "/engine-rest/%zz",
    "/engine-rest/user",
    "/nothing",
    "/%",
    "/a b",
    "/\u00e6\u00f8\u00e5",
  };

  private static final String[] METHODS = {
    "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO", "get"
  };

  private static final String[] CONTENT_TYPES = {
    "application/json",
    "application/json; charset=UTF-8",
    "application/json; charset=bogus",
    "application/json; charset=ISO-8859-1",
    "text/plain",
    "application/xml",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=x",
    "application/problem+json",
    "garbage",
    "/",
    "application/json;;;",
  };

  private static final String[] ACCEPTS = {
    "application/json",
    "text/html",
    "application/xml",
    "*/*",
    "text/csv",
    "garbage",
    "application/problem+json",
    "image/png, text/html;q=0.9",
  };

  private final Random random;
  private final ObjectMapper json = new ObjectMapper();

  BadRequests(long seed) {
    this.random = new Random(seed);
  }

  RawHttp.Request next() {
    int kind = random.nextInt(100);
    if (kind < 40) {
      return jsonRequest("POST", "/api/migrations", mutated(VALID_MIGRATION));
    }
    if (kind < 55) {
      return jsonRequest("POST", "/api/credentials", mutated(VALID_CREDENTIAL));
    }
    if (kind < 62) {
      return jsonRequest(
          pick("PUT", "PUT", "POST", "DELETE"),
          fill(
              pick(
                  "/api/migrations/{id}/letters/announcement",
                  "/api/migrations/{id}/planned-switch",
                  "/api/migrations/{id}/start",
                  "/api/migrations/{id}/cancel")),
          mutated(
              pick(
                  "{\"subject\": \"Hi\", \"body\": \"Text\"}",
                  "{\"plannedSwitch\": \"2030-01-01\"}",
                  "{}")));
    }
    if (kind < 80) {
      return new RawHttp.Request(
          pick(METHODS), fill(pick(PATHS)), headers(login()), maybeBody(), false);
    }
    return oddHeaders();
  }

  private RawHttp.Request jsonRequest(String method, String path, byte[] body) {
    List<String> headers = headers(login());
    headers.add(
        "Content-Type: " + (random.nextInt(10) < 8 ? "application/json" : pick(CONTENT_TYPES)));
    if (random.nextInt(5) == 0) {
      headers.add("Accept: " + pick(ACCEPTS));
    }
    return new RawHttp.Request(method, path, headers, body, random.nextInt(10) == 0);
  }

  private RawHttp.Request oddHeaders() {
    List<String> headers = headers(login());
    switch (random.nextInt(8)) {
      case 0 -> headers.add("X-Big: " + "a".repeat(8_000 + random.nextInt(30_000)));
      case 1 -> {
        for (int i = 0; i < 50 + random.nextInt(200); i++) {
          headers.add("X-Many-" + i + ": " + i);
        }
      }
      case 2 ->
          headers.add(
              "Authorization: "
                  + pick(
                      "Basic !!!",
                      "Basic ",
                      "Bearer x",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  ("admin:" + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8)),
                      "Digest username=\"admin\""));
      case 3 -> headers.add("Accept: " + pick(ACCEPTS));
      case 4 -> headers.add("Content-Type: " + pick(CONTENT_TYPES));
      case 5 -> headers.add("Accept-Language: " + pick("da", "en", "xx-YY", "*", "da;q=abc", ""));
      case 6 -> headers.add("X-Bad\u0001Name: value");
      default -> headers.add("Origin: http://evil.example");
    }
    return new RawHttp.Request(pick(METHODS), fill(pick(PATHS)), headers, maybeBody(), false);
  }

  private byte[] maybeBody() {
    return switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> mutated(VALID_CREDENTIAL);
      case 2 -> randomBytes(random.nextInt(200));
      default -> mutated(VALID_MIGRATION);
    };
  }

  private String login() {
    int who = random.nextInt(100);
    return who < 70 ? ADMIN : who < 85 ? null : STRANGER;
  }

  private static List<String> headers(String login) {
    List<String> headers = new ArrayList<>();
    if (login != null) {
      headers.add(login);
    }
    return headers;
  }

  private String fill(String path) {
    return path.replace(
        "{id}",
        pick(UUID.randomUUID().toString(), "x", "%00", "%zz", "1;2", "a".repeat(5000), "..", ""));
  }

  /** The sample body changed once to three times, as a tree or as text. */
  byte[] mutated(String valid) {
    try {
      JsonNode tree = json.readTree(valid);
      int changes = 1 + random.nextInt(3);
      for (int i = 0; i < changes; i++) {
        tree = mutateTree(tree);
      }
      String text = json.writeValueAsString(tree);
      if (random.nextInt(3) == 0) {
        text = mutateText(text);
      }
      if (random.nextInt(100) == 0) {
        text = "{\"domain\": \"" + "a".repeat(1_100_000) + "\"}";
      }
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (Exception unexpected) {
      throw new IllegalStateException(unexpected);
    }
  }

  private JsonNode mutateTree(JsonNode root) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty()) {
      return oddValue();
    }
    JsonNode container = containers.get(random.nextInt(containers.size()));
    if (container instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      Iterator<String> fields = object.fieldNames();
      fields.forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(6)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name + pick("", "x", "\u0000", " "), object.remove(name));
        default -> object.set(name, oddValue());
      }
    } else if (container instanceof ArrayNode array) {
      switch (random.nextInt(4)) {
        case 0 -> array.removeAll();
        case 1 -> array.add(oddValue());
        default -> {
          if (!array.isEmpty()) {
            array.set(random.nextInt(array.size()), oddValue());
          }
        }
      }
    }
    return random.nextInt(30) == 0 ? oddValue() : root;
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collect(child, containers));
    }
  }

  private JsonNode oddValue() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (random.nextInt(16)) {
      case 0 -> nodes.numberNode(random.nextInt());
      case 1 -> nodes.numberNode(-1);
      case 2 -> nodes.numberNode(random.nextDouble() * 1e6);
      case 3 -> nodes.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(40))));
      case 4 -> nodes.booleanNode(random.nextBoolean());
      case 5 -> nodes.nullNode();
      case 6 -> nodes.textNode("x".repeat(random.nextInt(100_000)));
      case 7 -> nodes.arrayNode().add(pick(ODD_TEXT)).add(1);
      case 8 -> nodes.objectNode().put("a", pick(ODD_TEXT));
      case 9 -> {
        ArrayNode deep = nodes.arrayNode();
        ArrayNode inner = deep;
        for (int i = 0; i < random.nextInt(2_000); i++) {
          inner = inner.addArray();
        }
        yield deep;
      }
      case 10 -> nodes.numberNode(0);
      case 11 -> nodes.numberNode(1.5);
      default -> nodes.textNode(pick(ODD_TEXT));
    };
  }

  private String mutateText(String text) {
    int at = random.nextInt(text.length() + 1);
    return switch (random.nextInt(7)) {
      case 0 -> text.substring(0, at);
      case 1 -> text + pick(" x", "}", "{}", "\u0000", " // comment", "[1]", ",");
      case 2 ->
          text.substring(0, at)
              + pick("\"", "{", "]", "\\", "\u0000", "\uD800")
              + text.substring(at);
      case 3 -> "\uFEFF" + text;
      case 4 -> text.replace("\"", "'");
      case 5 -> "[" + text + "]";
      default -> new String(randomBytes(at), StandardCharsets.ISO_8859_1);
    };
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
