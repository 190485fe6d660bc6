package org.cutover.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.regex.Pattern;

/**
 * Requests and answers of Microsoft Entra ID and Microsoft Graph v1.0 as Microsoft documents them
 * (client credentials token, domains, organization, subscribedSkus, users, assignLicense,
 * mailboxSettings, error bodies, throttling). Values are the documentation's samples.
 */
final class GraphStubs {

  static final String TENANT = "contoso.onmicrosoft.com";
  static final String CLIENT_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  static final String CLIENT_SECRET = "cl1ent~Secret.Value";
  static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
  static final String IMAP_SCOPE = "https://outlook.office365.com/.default";
  static final String GRAPH_TOKEN = "graph-access-token-1";
  static final String GRAPH_TOKEN_2 = "graph-access-token-2";
  static final String IMAP_TOKEN = "outlook-access-token-1";
  static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
  static final String SKU_ID = "c7df2760-2c81-4ef7-b578-5b5392b571df";
  static final String USER_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

  private GraphStubs() {}

  /**
   * T1/T2: POST /{tenant}/oauth2/v2.0/token with the client credentials for one resource. MSAL adds
   * the reserved scopes openid, profile and offline_access, which Entra ID ignores for this grant;
   * the one resource scope must be among them.
   */
  static MappingBuilder tokenRequest(String scope) {
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

  static ResponseDefinitionBuilder token(String accessToken) {
    return json(
        200,
        """
        {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599,
         "access_token": "%s"}
        """
            .formatted(accessToken));
  }

  /** T3: a wrong client secret. */
  static ResponseDefinitionBuilder invalidClient() {
    return json(
        401,
        """
        {"error": "invalid_client",
         "error_description": "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'.\\r\\nTrace ID: 255d1aef-8c98-452f-ac51-23d051240864\\r\\nCorrelation ID: fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7\\r\\nTimestamp: 2016-01-09 02:02:12Z",
         "error_codes": [7000215], "timestamp": "2016-01-09 02:02:12Z",
         "trace_id": "255d1aef-8c98-452f-ac51-23d051240864",
         "correlation_id": "fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7"}
        """);
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("request-id", "462649d3-a124-42bc-b046-815fb41aae76")
        .withBody(body);
  }

  static ResponseDefinitionBuilder graphError(int status, String code, String message) {
    return json(
        status,
        """
        {"error": {"code": "%s", "message": "%s",
          "innerError": {"request-id": "462649d3-a124-42bc-b046-815fb41aae76",
                         "date": "2018-05-08T04:49:55"}}}
        """
            .formatted(code, message));
  }

  /** 429 with Retry-After and the documented TooManyRequests body. */
  static ResponseDefinitionBuilder throttled(String retryAfter) {
    return json(
            429,
            """
            {"error": {"code": "TooManyRequests",
              "innerError": {"code": "429", "date": "2020-08-18T12:51:51",
                             "message": "Please retry after",
                             "request-id": "94fb3b52-452a-4535-a601-69e0a90e3aa2",
                             "status": "429"},
              "message": "Please retry again later."}}
            """)
        .withHeader("Retry-After", retryAfter);
  }

  static String domain(String id, boolean verified, String... services) {
    return """
        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#domains/$entity",
         "authenticationType": "Managed", "availabilityStatus": null, "id": "%s",
         "isAdminManaged": true, "isDefault": false, "isInitial": false, "isRoot": true,
         "isVerified": %s, "passwordNotificationWindowInDays": 14,
         "passwordValidityPeriodInDays": 2147483647, "supportedServices": [%s], "state": null}
        """
        .formatted(
            id, verified, services.length == 0 ? "" : "\"" + String.join("\",\"", services) + "\"");
  }

  static final String VERIFICATION_RECORDS =
      """
      {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#domains('contoso.com')/verificationDnsRecords",
       "value": [
        {"@odata.type": "#microsoft.graph.domainDnsTxtRecord", "id": "aceff52c-06a5-447f-ac5f-256ad243cc5c",
         "isOptional": false, "label": "contoso.com", "recordType": "Txt", "supportedService": "Email",
         "ttl": 3600, "text": "MS=ms12345678"},
        {"@odata.type": "#microsoft.graph.domainDnsMxRecord", "id": "5fbde38c-0865-497f-82b1-126f596bcee9",
         "isOptional": false, "label": "contoso.com", "recordType": "Mx", "supportedService": "Email",
         "ttl": 3600, "mailExchange": "ms12345678.msv1.invalid", "preference": 32767}
       ]}
      """;

  static String serviceRecords(String mxHost) {
    return """
        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#domains('contoso.com')/serviceConfigurationRecords",
         "value": [
          {"@odata.type": "#microsoft.graph.domainDnsMxRecord", "id": "3a1b", "isOptional": false,
           "label": "contoso.com", "recordType": "Mx", "supportedService": "Email", "ttl": 3600,
           "mailExchange": "%s", "preference": 0},
          {"@odata.type": "#microsoft.graph.domainDnsTxtRecord", "id": "4b2c", "isOptional": false,
           "label": "contoso.com", "recordType": "Txt", "supportedService": "Email", "ttl": 3600,
           "text": "v=spf1 include:spf.protection.outlook.com -all"},
          {"@odata.type": "#microsoft.graph.domainDnsCnameRecord", "id": "5c3d", "isOptional": false,
           "label": "autodiscover.contoso.com", "recordType": "CName", "supportedService": "Email",
           "ttl": 3600, "canonicalName": "autodiscover.outlook.com"}
         ]}
        """
        .formatted(mxHost);
  }

  static final String VERIFY_FAILED =
      "Domain verification failed with the following error: Unable to verify domain because the"
          + " required DNS record was not found.";

  static String organization(Boolean syncEnabled) {
    return """
        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#organization(id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime,verifiedDomains)",
         "value": [{
           "id": "84841066-274d-4ec0-a5c1-276be684bdd3", "displayName": "Contoso",
           "onPremisesSyncEnabled": %s, "onPremisesLastSyncDateTime": %s,
           "verifiedDomains": [{"capabilities": "Email, OfficeCommunicationsOnline", "isDefault": true,
                                "isInitial": true, "name": "contoso.onmicrosoft.com", "type": "Managed"}]
         }]}
        """
        .formatted(syncEnabled, syncEnabled == null ? "null" : "\"2026-01-01T10:00:00Z\"");
  }

  static String subscribedSkus(int enabled, int consumed) {
    return """
        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscribedSkus",
         "value": [{
           "accountName": "Sample account One", "accountId": "f97aeefc-af85-414d-8ae4-b457f90efc40",
           "appliesTo": "User", "capabilityStatus": "Enabled", "consumedUnits": %d,
           "id": "48a80680-7326-48cd-9935-b556b81d3a4e_c7df2760-2c81-4ef7-b578-5b5392b571df",
           "prepaidUnits": {"enabled": %d, "lockedOut": 0, "suspended": 0, "warning": 0},
           "servicePlans": [{"servicePlanId": "efb87545-963c-4e0d-99df-69c6916d9eb0",
                             "servicePlanName": "EXCHANGE_S_ENTERPRISE", "provisioningStatus": "Success",
                             "appliesTo": "User"}],
           "skuId": "c7df2760-2c81-4ef7-b578-5b5392b571df", "skuPartNumber": "ENTERPRISEPREMIUM",
           "subscriptionIds": ["43d26afe-cb98-48b9-acc4-ae3ef2ac6c51"]
         }]}
        """
        .formatted(consumed, enabled);
  }

  static String users(String... entries) {
    return """
        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,mail,usageLocation,assignedLicenses)",
         "value": [%s]}
        """
        .formatted(String.join(",", entries));
  }

  static String user(String upn, String usageLocation, String... skuIds) {
    StringBuilder licences = new StringBuilder();
    for (String sku : skuIds) {
      if (licences.length() > 0) {
        licences.append(',');
      }
      licences.append("{\"disabledPlans\": [], \"skuId\": \"").append(sku).append("\"}");
    }
    return """
        {"id": "%s", "userPrincipalName": "%s", "mail": "%s", "usageLocation": %s,
         "assignedLicenses": [%s]}
        """
        .formatted(
            USER_ID,
            upn,
            upn,
            usageLocation == null ? "null" : "\"" + usageLocation + "\"",
            licences);
  }

  static String createdUser(String upn, String displayName) {
    return """
        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
         "id": "%s", "businessPhones": [], "displayName": "%s", "givenName": null,
         "jobTitle": null, "mail": null, "mobilePhone": null, "officeLocation": null,
         "preferredLanguage": null, "surname": null, "userPrincipalName": "%s"}
        """
        .formatted(USER_ID, displayName, upn);
  }

  static final String MAILBOX_SETTINGS =
      """
      {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('87d349ed-44d7-43e1-9a83-5f2406dee5bd')/mailboxSettings",
       "archiveFolder": "AAMkADk0MGFk", "timeZone": "UTC", "language": {"locale": "en-US",
       "displayName": "English (United States)"}}
      """;
}
