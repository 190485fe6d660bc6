package org.cutover.mailsync.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.cutover.mailsync.AccessTokenExpiry;
import org.cutover.mailsync.AccessTokenSupplier;
import org.cutover.mailsync.SecretSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for XOAUTH2 from an OAuth 2.0 token endpoint with the client credentials grant (RFC
 * 6749, section 4.4): an application registered with the mail provider holds a token valid for
 * every mailbox it may open (Exchange Online's app-only IMAP access, a Keycloak or Dovecot-fronting
 * authorization server). A token is reused while it has more than a quarter of its life, at most
 * five minutes, left, and asked for anew after that, so a connection never starts with a token
 * about to expire; after a refused login a new one is asked for at once. The client secret is read
 * from its supplier for each request only and never appears in a message.
 */
public final class ClientCredentialsTokens implements AccessTokenSupplier {

  private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokens.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RENEWAL_MARGIN = Duration.ofMinutes(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI tokenUrl;
  private final String clientId;
  private final SecretSupplier clientSecret;
  private final String scope;
  private final Clock clock;
  private final HttpClient http;

  private String token;
  private Instant issuedAt;
  private Instant expiresAt;

  /**
   * @param tokenUrl the token endpoint (https, or http on a loopback address)
   * @param clientId the application's client id
   * @param clientSecret the application's client secret, read per request
   * @param scope the scope asked for, or null for the application's default
   */
  public ClientCredentialsTokens(
      URI tokenUrl, String clientId, SecretSupplier clientSecret, String scope, Clock clock) {
    this.tokenUrl = Objects.requireNonNull(tokenUrl, "token URL");
    this.clientId = Objects.requireNonNull(clientId, "client id");
    this.clientSecret = Objects.requireNonNull(clientSecret, "client secret");
    this.scope = scope == null || scope.isBlank() ? null : scope.strip();
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public synchronized String accessToken(String user) {
    if (token != null && !dueForRenewal()) {
      return token;
    }
    return fetch();
  }

  @Override
  public synchronized String renewedAccessToken(String user) {
    return fetch();
  }

  /** True when the cached token has no known expiry, or too little of its life left. */
  private boolean dueForRenewal() {
    if (expiresAt == null) {
      return true;
    }
    Duration quarter = Duration.between(issuedAt, expiresAt).dividedBy(4);
    Duration margin = quarter.compareTo(RENEWAL_MARGIN) < 0 ? quarter : RENEWAL_MARGIN;
    return !clock.instant().plus(margin).isBefore(expiresAt);
  }

  private String fetch() {
    char[] secret = clientSecret.secret();
    String form;
    try {
      form =
          "grant_type=client_credentials&client_id="
              + encode(clientId)
              + "&client_secret="
              + encode(new String(secret))
              + (scope == null ? "" : "&scope=" + encode(scope));
    } finally {
      Arrays.fill(secret, '\0');
    }
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    Instant asked = clock.instant();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "The token endpoint " + tokenUrl + " could not be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking " + tokenUrl + " for a token", e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "The token endpoint "
              + tokenUrl
              + " refused client "
              + clientId
              + " (HTTP "
              + response.statusCode()
              + (body.hasNonNull("error") ? ", " + body.get("error").asText() : "")
              + (body.hasNonNull("error_description")
                  ? ": " + body.get("error_description").asText()
                  : "")
              + "): check the client id, the client secret and the scope");
    }
    String issued = body.path("access_token").asText(null);
    if (issued == null || issued.isBlank()) {
      throw new IllegalStateException(
          "The token endpoint " + tokenUrl + " answered without an access_token");
    }
    token = issued;
    issuedAt = asked;
    expiresAt =
        body.hasNonNull("expires_in") && body.get("expires_in").canConvertToLong()
            ? asked.plusSeconds(body.get("expires_in").asLong())
            : AccessTokenExpiry.of(issued).orElse(null);
    if (body.hasNonNull("expires_in") && body.get("expires_in").isTextual()) {
      try {
        expiresAt = asked.plusSeconds(Long.parseLong(body.get("expires_in").asText().strip()));
      } catch (NumberFormatException ignored) {
        // an unreadable lifetime: the token's own exp, if any, stands
      }
    }
    log.debug("New access token from {} for client {}, expires {}", tokenUrl, clientId, expiresAt);
    return issued;
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body == null ? "" : body);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
