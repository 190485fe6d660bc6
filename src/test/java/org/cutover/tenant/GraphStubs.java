package org.cutover.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Requests and answers of Microsoft Entra ID and Microsoft Graph v1.0 as Microsoft documents them
 * (client credentials token, domains, organization, subscribedSkus, users, assignLicense,
 * mailboxSettings, error bodies, throttling). The answers' bodies are files in {@code
 * src/test/resources/graph/}, whose README names the Microsoft Learn page each follows.
 */
public final class GraphStubs {

  /** Placeholders that stand for JSON (numbers, booleans, null, lists), not inside a string. */
  private static final java.util.Set<String> QUOTED_RAW =
      java.util.Set.of(
          "verified",
          "availabilityStatus",
          "services",
          "syncEnabled",
          "lastSync",
          "enabled",
          "consumed",
          "users",
          "usageLocation",
          "licences");

  public static final String TENANT = "contoso.onmicrosoft.com";
  public static final String CLIENT_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  public static final String CLIENT_SECRET = "cl1ent~Secret.Value";
  public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
  public static final String IMAP_SCOPE = "https://outlook.office365.com/.default";
  public static final String GRAPH_TOKEN = "graph-access-token-1";
  static final String GRAPH_TOKEN_2 = "graph-access-token-2";
  public static final String IMAP_TOKEN = "outlook-access-token-1";
  public static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
  public static final String SKU_ID = "c7df2760-2c81-4ef7-b578-5b5392b571df";
  public static final String EXCHANGE_PLAN_1_SKU_ID = "4b9405b0-7788-4568-add1-99614e613b69";
  public static final String M365_E3_SKU_ID = "05e9a617-0261-4cee-bb44-138d3ef5d965";
  public static final String USER_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

  private GraphStubs() {}

  /**
   * T1/T2: POST /{tenant}/oauth2/v2.0/token with the client credentials for one resource. MSAL adds
   * the reserved scopes openid, profile and offline_access, which Entra ID ignores for this grant;
   * the one resource scope must be among them.
   */
  public static MappingBuilder tokenRequest(String scope) {
    return post(urlPathEqualTo(TOKEN_PATH))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withFormParam("grant_type", equalTo("client_credentials"))
        .withFormParam("client_id", equalTo(CLIENT_ID))
        .withFormParam("client_secret", equalTo(CLIENT_SECRET))
        .withFormParam(
            "scope",
            matching(
                "(?:(?:openid|profile|offline_access) )*"
                    + Pattern.quote(scope)
                    + "(?: (?:openid|profile|offline_access))*"));
  }

  public static ResponseDefinitionBuilder token(String accessToken) {
    return json(200, body("token.json", Map.of("accessToken", accessToken)));
  }

  /** T3: a wrong client secret. */
  static ResponseDefinitionBuilder invalidClient() {
    return json(401, body("token-invalid-client.json", Map.of()));
  }

  public static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("request-id", "462649d3-a124-42bc-b046-815fb41aae76")
        .withBody(body);
  }

  public static ResponseDefinitionBuilder graphError(int status, String code, String message) {
    return json(status, body("error.json", Map.of("code", code, "message", message)));
  }

  /** 400 Request_BadRequest: another object already has this value of {@code property}. */
  static ResponseDefinitionBuilder objectConflict(String property) {
    return json(400, body("error-object-conflict.json", Map.of("property", property)));
  }

  /** 429 with Retry-After and the documented TooManyRequests body. */
  static ResponseDefinitionBuilder throttled(String retryAfter) {
    return json(429, body("throttled.json", Map.of())).withHeader("Retry-After", retryAfter);
  }

  public static String domain(String id, boolean verified, String... services) {
    return body(
        "domain.json",
        Map.of(
            "id",
            id,
            "verified",
            Boolean.toString(verified),
            "availabilityStatus",
            "null",
            "services",
            services.length == 0 ? "" : "\"" + String.join("\",\"", services) + "\""));
  }

  /** The answer of POST /domains/{id}/verify when it worked. */
  public static String verifiedDomain(String id) {
    return body(
        "domain.json",
        Map.of(
            "id", id,
            "verified", "true",
            "availabilityStatus", "\"AvailableImmediately\"",
            "services", ""));
  }

  public static String verificationRecords(String domain) {
    return body("verification-dns-records.json", Map.of("domain", domain));
  }

  static final String VERIFICATION_RECORDS = verificationRecords("contoso.com");

  static String serviceRecords(String mxHost) {
    return serviceRecords("contoso.com", mxHost);
  }

  public static String serviceRecords(String domain, String mxHost) {
    return body("service-configuration-records.json", Map.of("domain", domain, "mxHost", mxHost));
  }

  static final String VERIFY_FAILED =
      "Domain verification failed with the following error: Unable to verify domain because the"
          + " required DNS record was not found.";

  public static String organization(Boolean syncEnabled) {
    return body(
        "organization.json",
        Map.of(
            "syncEnabled",
            String.valueOf(syncEnabled),
            "lastSync",
            syncEnabled == null ? "null" : "\"2026-01-01T10:00:00Z\""));
  }

  public static String subscribedSkus(int enabled, int consumed) {
    return body(
        "subscribed-skus.json",
        Map.of("enabled", Integer.toString(enabled), "consumed", Integer.toString(consumed)));
  }

  /** Exchange Online (Plan 1): 11 of 25 seats free; Microsoft 365 E3: 1 of 10 free. */
  public static String subscribedExchangeAndSuite() {
    return body("subscribed-skus-exchange-and-suite.json", Map.of());
  }

  /** The answer of GET /users/{id}/mailboxSettings once Exchange Online has made the mailbox. */
  public static String mailboxSettings() {
    return MAILBOX_SETTINGS;
  }

  public static String users(String... entries) {
    return body("users.json", Map.of("users", String.join(",", entries)));
  }

  static String user(String upn, String usageLocation, String... skuIds) {
    return userWithId(USER_ID, upn, usageLocation, skuIds);
  }

  public static String userWithId(String id, String upn, String usageLocation, String... skuIds) {
    StringBuilder licences = new StringBuilder();
    for (String sku : skuIds) {
      if (licences.length() > 0) {
        licences.append(',');
      }
      licences.append("{\"disabledPlans\": [], \"skuId\": \"").append(sku).append("\"}");
    }
    return body(
        "user.json",
        Map.of(
            "id",
            id,
            "upn",
            upn,
            "usageLocation",
            usageLocation == null ? "null" : "\"" + usageLocation + "\"",
            "licences",
            licences.toString()));
  }

  static String createdUser(String upn, String displayName) {
    return createdUser(USER_ID, upn, displayName);
  }

  public static String createdUser(String id, String upn, String displayName) {
    return body("user-created.json", Map.of("id", id, "upn", upn, "displayName", displayName));
  }

  static final String MAILBOX_SETTINGS = body("mailbox-settings.json", Map.of());

  /**
   * A body from {@code src/test/resources/graph/} (see its README for the page each follows), its
   * {@code {{name}}} placeholders filled; text values go in JSON-escaped.
   */
  static String body(String file, Map<String, String> values) {
    String text;
    try (InputStream in = GraphStubs.class.getResourceAsStream("/graph/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No stub body graph/" + file);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      String filled = new String(JsonStringEncoder.getInstance().quoteAsString(value.getValue()));
      if (QUOTED_RAW.contains(value.getKey())) {
        filled = value.getValue();
      }
      text = text.replace("{{" + value.getKey() + "}}", filled);
    }
    if (text.contains("{{")) {
      throw new IllegalArgumentException("Stub body graph/" + file + " left unfilled: " + text);
    }
    return text;
  }
}
