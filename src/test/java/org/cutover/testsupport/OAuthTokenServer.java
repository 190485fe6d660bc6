package org.cutover.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OAuth 2.0 authorization server on 127.0.0.1 for the tests: {@code /token} issues
 * short-lived JWT-shaped access tokens to one client with the client credentials grant, and {@code
 * /introspect} (RFC 7662, as Dovecot's oauth2 passdb asks with {@code introspection_mode = post})
 * says whether a token is active and which user it opens: expired, revoked and unknown tokens are
 * inactive. It records what it issued and what it was asked, so a test sees which tokens the IMAP
 * server accepted.
 */
public final class OAuthTokenServer implements AutoCloseable {

  private final HttpServer http;
  private final String clientId;
  private final String clientSecret;
  private final String username;
  private volatile Duration lifetime;
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
  private final List<String> issued = new CopyOnWriteArrayList<>();
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger serial = new AtomicInteger();

  private OAuthTokenServer(String clientId, String clientSecret, String username, Duration lifetime)
      throws IOException {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.username = username;
    this.lifetime = lifetime;
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    http.createContext("/token", this::token);
    http.createContext("/introspect", this::introspect);
    http.start();
  }

  /**
   * Starts a server whose tokens for {@code clientId} live {@code lifetime} and open the mailbox of
   * {@code username}.
   */
  public static OAuthTokenServer start(
      String clientId, String clientSecret, String username, Duration lifetime) {
    try {
      return new OAuthTokenServer(clientId, clientSecret, username, lifetime);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public String tokenUrl() {
    return base() + "/token";
  }

  public String introspectionUrl() {
    return base() + "/introspect";
  }

  private String base() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** Every token issued, oldest first. */
  public List<String> issued() {
    return List.copyOf(issued);
  }

  /** Tokens the introspection found active, in the order asked. */
  public List<String> accepted() {
    return List.copyOf(accepted);
  }

  /** Tokens the introspection found inactive (expired, revoked or unknown), in the order asked. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  /** True once {@code token} is past its expiry. */
  public boolean expired(String token) {
    Instant expiry = expiries.get(token);
    return expiry == null || !Instant.now().isBefore(expiry);
  }

  /** How long the tokens issued from now on live. */
  public void lifetime(Duration life) {
    this.lifetime = life;
  }

  /** Makes every token issued so far inactive, as a provider does when an app's grant changes. */
  public void revokeAll() {
    revoked.addAll(issued);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(exchange);
    if (!"client_credentials".equals(form.get("grant_type"))) {
      answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    if (!clientId.equals(form.get("client_id"))
        || !clientSecret.equals(form.get("client_secret"))) {
      answer(
          exchange,
          401,
          "{\"error\":\"invalid_client\",\"error_description\":\"unknown client or wrong secret\"}");
      return;
    }
    Duration life = lifetime;
    Instant expiry = Instant.now().plus(life);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String token =
        b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(
                ("{\"sub\":\""
                        + clientId
                        + "\",\"exp\":"
                        + expiry.getEpochSecond()
                        + ",\"jti\":\"t"
                        + serial.incrementAndGet()
                        + "\"}")
                    .getBytes(StandardCharsets.UTF_8))
            + ".unsigned";
    expiries.put(token, expiry);
    issued.add(token);
    answer(
        exchange,
        200,
        "{\"access_token\":\""
            + token
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + life.toSeconds()
            + "}");
  }

  private void introspect(HttpExchange exchange) throws IOException {
    String token = form(exchange).getOrDefault("token", "");
    boolean active = expiries.containsKey(token) && !expired(token) && !revoked.contains(token);
    (active ? accepted : refused).add(token);
    answer(
        exchange,
        200,
        active
            ? "{\"active\":true,\"username\":\""
                + username
                + "\",\"client_id\":\""
                + clientId
                + "\"}"
            : "{\"active\":false}");
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
