package org.cutover.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cutover.tenant.GraphStubs.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.cutover.migration.metrics.RunbookMetrics;
import org.cutover.secrets.SecretRef;
import org.cutover.testsupport.MutableClock;
import org.cutover.testsupport.RealServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Microsoft 365 target against stubs of Microsoft Entra ID and Microsoft Graph v1.0 shaped as
 * Microsoft documents the requests and answers; tokens come from MSAL over HTTPS.
 */
class Microsoft365TargetTest {

  @RegisterExtension
  static WireMockExtension microsoft =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .dynamicPort()
                  .dynamicHttpsPort()
                  .keystoreType("PKCS12")
                  .keystorePath(LoopbackTls.keyStore().toString())
                  .keystorePassword(LoopbackTls.PASSWORD)
                  .keyManagerPassword(LoopbackTls.PASSWORD))
          .build();

  static final String DOMAIN = "contoso.com";
  static final String ALICE = "alice@contoso.com";
  static final String USERS_FILTER = "userPrincipalName eq 'alice@contoso.com'";
  static final String HOLDERS_FILTER = "assignedLicenses/any(x:x/skuId eq " + SKU_ID + ")";

  private final ObjectMapper json = new ObjectMapper();
  private final List<Duration> pauses = new ArrayList<>();
  // Token lifetimes are counted from the real time MSAL stamps on them.
  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private MemorySecretStore secrets;
  private InitialPasswords passwords;
  private Microsoft365App app;

  @BeforeEach
  void tenant() {
    secrets = new MemorySecretStore();
    passwords = new PasswordDatabase().passwords(secrets, clock);
    SecretRef secret = secrets.put("client secret", CLIENT_SECRET);
    app = new Microsoft365App(TENANT, CLIENT_ID, secret);
    microsoft.stubFor(tokenRequest(GRAPH_SCOPE).willReturn(token(GRAPH_TOKEN)));
    microsoft.stubFor(tokenRequest(IMAP_SCOPE).willReturn(token(IMAP_TOKEN)));
  }

  private Microsoft365Target target() {
    return target(4, Duration.ofSeconds(60));
  }

  private Microsoft365Target target(int maxAttempts, Duration maxRetryWait) {
    TenantProperties.Microsoft365 settings = settings(maxAttempts, maxRetryWait);
    EntraTokens tokens =
        TenantConfiguration.tokens(settings, secrets, LoopbackTls.trustingIt(), clock);
    GraphApi graph =
        TenantConfiguration.graph(settings, tokens, LoopbackTls.trustingIt(), clock, pauses::add);
    return TenantConfiguration.microsoft365(settings, tokens, graph, passwords);
  }

  /** Graph alone, for tests of one part. */
  private GraphApi graph(int maxAttempts, Duration maxRetryWait) {
    TenantProperties.Microsoft365 settings = settings(maxAttempts, maxRetryWait);
    EntraTokens tokens =
        TenantConfiguration.tokens(settings, secrets, LoopbackTls.trustingIt(), clock);
    return TenantConfiguration.graph(
        settings, tokens, LoopbackTls.trustingIt(), clock, pauses::add);
  }

  private GraphApi graph() {
    return graph(4, Duration.ofSeconds(60));
  }

  private static TenantProperties.Microsoft365 settings(int maxAttempts, Duration maxRetryWait) {
    return settings(maxAttempts, maxRetryWait, 10, 20);
  }

  private static TenantProperties.Microsoft365 settings(
      int maxAttempts, Duration maxRetryWait, double writesPerSecond, int writeBurst) {
    String base = microsoft.getRuntimeInfo().getHttpsBaseUrl();
    return new TenantProperties.Microsoft365(
        URI.create(base),
        URI.create(base + "/v1.0"),
        GRAPH_SCOPE,
        IMAP_SCOPE,
        Duration.ofSeconds(10),
        maxAttempts,
        maxRetryWait,
        writesPerSecond,
        writeBurst);
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder graphGet(String path) {
    return get(urlPathEqualTo("/v1.0" + path))
        .withHeader("Authorization", equalTo("Bearer " + GRAPH_TOKEN));
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder graphPost(String path) {
    return post(urlPathEqualTo("/v1.0" + path))
        .withHeader("Authorization", equalTo("Bearer " + GRAPH_TOKEN));
  }

  private static int tokenRequests() {
    return microsoft.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
  }

  @Nested
  class Tokens {

    @Test
    void signsInWithClientCredentialsOnceAndReusesTheToken() {
      microsoft.stubFor(
          graphGet("/domains/contoso.com").willReturn(okJson(domain(DOMAIN, true, "Email"))));
      microsoft.stubFor(
          graphGet("/domains/contoso.com/verificationDnsRecords")
              .willReturn(okJson(VERIFICATION_RECORDS)));
      microsoft.stubFor(
          graphGet("/domains/contoso.com/serviceConfigurationRecords")
              .willReturn(okJson(serviceRecords("contoso-com.mail.protection.outlook.com"))));

      Microsoft365Target target = target();
      target.domainRecords(app, DOMAIN);
      target.domainRecords(app, DOMAIN);

      List<LoggedRequest> tokens = microsoft.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
      assertThat(tokens).hasSize(1);
      assertThat(tokens.get(0).formParameters().get("scope").firstValue()).contains(GRAPH_SCOPE);
      assertThat(tokens.get(0).formParameters().get("grant_type").firstValue())
          .isEqualTo("client_credentials");
      assertThat(microsoft.findAll(getRequestedFor(anyUrl()))).hasSize(6);
    }

    @Test
    void handsOutTheOutlookTokenForImapAndRenewsItOnRequest() {
      Microsoft365Target target = target();

      assertThat(target.imapAccessToken(app, false)).isEqualTo(IMAP_TOKEN);
      assertThat(target.imapAccessToken(app, false)).isEqualTo(IMAP_TOKEN);
      assertThat(tokenRequests()).isEqualTo(1);

      assertThat(target.imapAccessToken(app, true)).isEqualTo(IMAP_TOKEN);
      assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void fetchesANewTokenFiveMinutesBeforeTheOldOneExpires() {
      Microsoft365Target target = target();
      target.imapAccessToken(app, false);

      clock.advance(Duration.ofSeconds(3599).minusMinutes(5).minusSeconds(30));
      target.imapAccessToken(app, false);
      assertThat(tokenRequests()).isEqualTo(1);

      clock.advance(Duration.ofMinutes(1));
      target.imapAccessToken(app, false);
      assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void aWrongClientSecretSaysWhichValueToStoreAndNeverShowsTheSecret() {
      SecretRef wrong = secrets.put("wrong secret", "not-the-secret");
      microsoft.stubFor(
          post(urlPathEqualTo(TOKEN_PATH))
              .withFormParam("client_secret", equalTo("not-the-secret"))
              .willReturn(invalidClient()));

      assertThatThrownBy(
              () -> target().imapAccessToken(new Microsoft365App(TENANT, CLIENT_ID, wrong), false))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("invalid_client")
          .hasMessageContaining("AADSTS7000215")
          .hasMessageContaining("store the secret's Value (not its ID)")
          .hasMessageNotContaining("not-the-secret")
          .hasMessageNotContaining("Trace ID");
    }

    @Test
    void signsInWithACertificateByAnAssertionSignedWithItsKey(@TempDir Path dir) throws Exception {
      String pem = selfSignedCertificate(dir);
      SecretRef certificate = secrets.put("certificate", pem);
      microsoft.stubFor(
          post(urlPathEqualTo(TOKEN_PATH))
              .withFormParam("grant_type", equalTo("client_credentials"))
              .withFormParam("client_id", equalTo(CLIENT_ID))
              .withFormParam(
                  "client_assertion_type",
                  equalTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
              .withFormParam("client_assertion", matching("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
              .willReturn(token(IMAP_TOKEN)));

      String token =
          target().imapAccessToken(new Microsoft365App(TENANT, CLIENT_ID, certificate), false);

      assertThat(token).isEqualTo(IMAP_TOKEN);
      LoggedRequest request =
          microsoft.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).get(0);
      assertThat(request.formParameters()).doesNotContainKey("client_secret");
      String[] jwt = request.formParameters().get("client_assertion").firstValue().split("\\.");
      JsonNode header = json.readTree(Base64.getUrlDecoder().decode(jwt[0]));
      JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(jwt[1]));
      assertThat(claims.path("iss").asText()).isEqualTo(CLIENT_ID);
      assertThat(claims.path("sub").asText()).isEqualTo(CLIENT_ID);
      assertThat(claims.path("aud").asText()).endsWith(TOKEN_PATH);
      X509Certificate x509 =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(Files.newInputStream(dir.resolve("cert.pem")));
      Signature signature = signatureFor(header.path("alg").asText());
      signature.initVerify(x509.getPublicKey());
      signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
      assertThat(signature.verify(Base64.getUrlDecoder().decode(jwt[2])))
          .as("assertion signed with the certificate's key (%s)", header.path("alg").asText())
          .isTrue();
    }

    @Test
    void aKeyInTheOldRsaFormatSaysHowToConvertIt() {
      SecretRef certificate =
          secrets.put(
              "certificate",
              "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----\n");

      assertThatThrownBy(
              () ->
                  target()
                      .imapAccessToken(new Microsoft365App(TENANT, CLIENT_ID, certificate), false))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
      assertThat(tokenRequests()).isZero();
    }

    @Test
    void aStaleTokenIsRenewedOnceAndTheCallRepeated() {
      microsoft.stubFor(
          tokenRequest(GRAPH_SCOPE)
              .inScenario("token")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(token(GRAPH_TOKEN_2))
              .willSetStateTo("renewed"));
      microsoft.stubFor(
          tokenRequest(GRAPH_SCOPE)
              .inScenario("token")
              .whenScenarioStateIs("renewed")
              .willReturn(token(GRAPH_TOKEN)));
      microsoft.stubFor(
          get(urlPathEqualTo("/v1.0/subscribedSkus"))
              .withHeader("Authorization", equalTo("Bearer " + GRAPH_TOKEN_2))
              .willReturn(
                  graphError(
                      401,
                      "InvalidAuthenticationToken",
                      "Access token has expired or is not yet valid.")));
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("throttle")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(throttled("1"))
              .willSetStateTo("served"));
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("throttle")
              .whenScenarioStateIs("served")
              .willReturn(okJson(subscribedSkus(25, 14))));

      TenantLicences licences = new TenantLicences(graph());

      assertThat(licences.skuId(app, "enterprisepremium")).isEqualTo(SKU_ID);
      assertThat(tokenRequests()).isEqualTo(2);
      assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Nested
  class Domain {

    @Test
    void addsTheDomainAndAsksAgainWhileItCannotBeVerified() {
      microsoft.stubFor(
          graphGet("/domains/contoso.com")
              .inScenario("domain")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(
                  graphError(
                      404,
                      "Request_ResourceNotFound",
                      "Resource 'contoso.com' does not exist or one of its queried reference-property"
                          + " objects are not present.")));
      microsoft.stubFor(
          graphPost("/domains")
              .withRequestBody(equalToJson("{\"id\": \"contoso.com\"}"))
              .inScenario("domain")
              .willReturn(json(201, domain(DOMAIN, false)))
              .willSetStateTo("added"));
      microsoft.stubFor(
          graphGet("/domains/contoso.com")
              .inScenario("domain")
              .whenScenarioStateIs("added")
              .willReturn(okJson(domain(DOMAIN, false))));
      microsoft.stubFor(
          graphGet("/domains/contoso.com/verificationDnsRecords")
              .willReturn(okJson(VERIFICATION_RECORDS)));
      microsoft.stubFor(
          graphPost("/domains/contoso.com/verify")
              .willReturn(graphError(400, "Request_BadRequest", VERIFY_FAILED)));

      assertThatThrownBy(() -> target().domainRecords(app, DOMAIN))
          .isInstanceOfSatisfying(
              DomainNotYetVerified.class,
              notYet -> {
                assertThat(notYet.verificationText()).isEqualTo("MS=ms12345678");
                assertThat(notYet.getMessage())
                    .contains("publish the TXT record \"MS=ms12345678\" at contoso.com")
                    .contains("Request_BadRequest")
                    .contains("Unable to verify domain");
              })
          .isInstanceOf(TargetUnavailable.class);

      assertThatThrownBy(() -> target().domainRecords(app, DOMAIN))
          .isInstanceOf(DomainNotYetVerified.class);
      microsoft.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/domains")));
      microsoft.verify(2, postRequestedFor(urlPathEqualTo("/v1.0/domains/contoso.com/verify")));
    }

    @Test
    void verifiesEnablesEmailAndReadsTheTenantsMxAndAutodiscover() {
      microsoft.stubFor(graphGet("/domains/contoso.com").willReturn(okJson(domain(DOMAIN, false))));
      microsoft.stubFor(
          graphGet("/domains/contoso.com/verificationDnsRecords")
              .willReturn(okJson(VERIFICATION_RECORDS)));
      microsoft.stubFor(
          graphPost("/domains/contoso.com/verify").willReturn(okJson(verifiedDomain(DOMAIN))));
      microsoft.stubFor(
          patch(urlPathEqualTo("/v1.0/domains/contoso.com"))
              .withHeader("Authorization", equalTo("Bearer " + GRAPH_TOKEN))
              .withRequestBody(matchingJsonPath("$.supportedServices[?(@ == 'Email')]"))
              .willReturn(aResponse().withStatus(204)));
      microsoft.stubFor(
          graphGet("/domains/contoso.com/serviceConfigurationRecords")
              .willReturn(okJson(serviceRecords("contoso-com.mail.protection.outlook.com"))));

      DomainRecords records = target().domainRecords(app, DOMAIN);

      assertThat(records.verificationText()).isEqualTo("MS=ms12345678");
      assertThat(records.mailExchangers())
          .containsExactly(
              new DomainRecords.MailExchanger(0, "contoso-com.mail.protection.outlook.com"));
      assertThat(records.autodiscoverTarget()).isEqualTo("autodiscover.outlook.com");
      microsoft.verify(1, patchRequestedFor(urlPathEqualTo("/v1.0/domains/contoso.com")));
    }

    @Test
    void takesTheMxHostTheTenantNamesWhateverItsShape() {
      microsoft.stubFor(
          graphGet("/domains/contoso.com").willReturn(okJson(domain(DOMAIN, true, "Email"))));
      microsoft.stubFor(
          graphGet("/domains/contoso.com/verificationDnsRecords")
              .willReturn(okJson(VERIFICATION_RECORDS)));
      microsoft.stubFor(
          graphGet("/domains/contoso.com/serviceConfigurationRecords")
              .willReturn(okJson(serviceRecords("contoso-com.a1b2c3d4.mx.microsoft"))));

      DomainRecords records = target().domainRecords(app, DOMAIN);

      assertThat(records.mailExchangers())
          .containsExactly(new DomainRecords.MailExchanger(0, "contoso-com.a1b2c3d4.mx.microsoft"));
      microsoft.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/domains/contoso.com/verify")));
      microsoft.verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void aDomainOfAnotherTenantSaysWhereItMustBeRemoved() {
      microsoft.stubFor(
          graphGet("/domains/contoso.com")
              .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));
      microsoft.stubFor(
          graphPost("/domains")
              .willReturn(
                  graphError(
                      400,
                      "Request_BadRequest",
                      "The domain has already been added to another tenant.")));

      assertThatThrownBy(() -> target().domainRecords(app, DOMAIN))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("already been added to another tenant")
          .hasMessageContaining("remove it from any other tenant");
    }

    @Test
    void aMissingWritePermissionIsNamed() {
      microsoft.stubFor(
          graphGet("/domains/contoso.com")
              .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));
      microsoft.stubFor(
          graphPost("/domains")
              .willReturn(
                  graphError(
                      403,
                      "Authorization_RequestDenied",
                      "Insufficient privileges to complete the operation.")));

      assertThatThrownBy(() -> target().domainRecords(app, DOMAIN))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("Authorization_RequestDenied")
          .hasMessageContaining("Insufficient privileges")
          .hasMessageContaining("application permission Domain.ReadWrite.All")
          .hasMessageContaining("admin consent");
    }
  }

  @Nested
  class Preflight {

    void healthyTenant() {
      microsoft.stubFor(graphGet("/organization").willReturn(okJson(organization(null))));
      microsoft.stubFor(graphGet("/subscribedSkus").willReturn(okJson(subscribedSkus(25, 14))));
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(HOLDERS_FILTER))
              .withHeader("ConsistencyLevel", equalTo("eventual"))
              .willReturn(okJson(users())));
      microsoft.stubFor(
          graphGet("/domains/contoso.com")
              .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));
      microsoft.stubFor(
          graphGet("/users/" + ALICE + "/mailboxSettings")
              .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));
    }

    @Test
    void passesWhenSyncIsOffSeatsAreFreeAndTheAppMayReadWhatItNeeds() {
      healthyTenant();

      target().preflight(app, DOMAIN, "ENTERPRISEPREMIUM", List.of(ALICE, "bob@contoso.com"));

      microsoft.verify(
          getRequestedFor(urlPathEqualTo("/v1.0/organization"))
              .withQueryParam(
                  "$select",
                  equalTo(
                      "id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime,"
                          + "verifiedDomains")));
      assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void usersThatHoldTheLicenceNeedNoFreeSeat() {
      healthyTenant();
      microsoft.stubFor(graphGet("/subscribedSkus").willReturn(okJson(subscribedSkus(25, 24))));
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(HOLDERS_FILTER))
              .willReturn(okJson(users(user(ALICE, "DK", SKU_ID)))));

      target().preflight(app, DOMAIN, SKU_ID, List.of(ALICE, "bob@contoso.com"));
    }

    @Test
    void reportsEveryProblemAtOnceSayingHowToFixIt() {
      healthyTenant();
      microsoft.stubFor(graphGet("/organization").willReturn(okJson(organization(true))));
      microsoft.stubFor(graphGet("/subscribedSkus").willReturn(okJson(subscribedSkus(25, 24))));
      microsoft.stubFor(
          graphGet("/domains/contoso.com")
              .willReturn(
                  graphError(
                      403,
                      "Authorization_RequestDenied",
                      "Insufficient privileges to complete the operation.")));

      assertThatThrownBy(
              () ->
                  target()
                      .preflight(
                          app,
                          DOMAIN,
                          "ENTERPRISEPREMIUM",
                          List.of(ALICE, "bob@contoso.com", "carl+news@contoso.com")))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("(1) Directory synchronisation is on for Contoso")
          .hasMessageContaining("Set-EntraDirSyncEnabled -EnableDirSync $false")
          .hasMessageContaining("72 hours")
          .hasMessageContaining("(2) The batch needs 3 licences ENTERPRISEPREMIUM but only 1 are")
          .hasMessageContaining("buy 2 more")
          .hasMessageContaining("(3) Microsoft Graph refused")
          .hasMessageContaining("Domain.Read.All")
          .hasMessageContaining("(4) 1 addresses cannot be user names")
          .hasMessageContaining("carl+news@contoso.com");
    }

    @Test
    void anUnknownLicenceListsTheTenantsLicences() {
      healthyTenant();

      assertThatThrownBy(() -> target().preflight(app, DOMAIN, "EXCHANGESTANDARD", List.of(ALICE)))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("has no licence EXCHANGESTANDARD; it has ENTERPRISEPREMIUM");
    }

    @Test
    void aMissingReadPermissionNamesIt() {
      healthyTenant();
      microsoft.stubFor(
          graphGet("/users/" + ALICE + "/mailboxSettings")
              .willReturn(
                  graphError(403, "ErrorAccessDenied", "Access is denied. Check credentials.")));

      assertThatThrownBy(() -> target().preflight(app, DOMAIN, "ENTERPRISEPREMIUM", List.of(ALICE)))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("MailboxSettings.Read");
    }
  }

  @Nested
  class Provisioning {

    final MailboxToProvision alice =
        new MailboxToProvision("m-1", "mailbox-1", ALICE, "Alice Example");

    void licences() {
      microsoft.stubFor(graphGet("/subscribedSkus").willReturn(okJson(subscribedSkus(25, 14))));
    }

    @Test
    void createsLicensesAndWaitsForTheMailboxThenHandsThePasswordOutOnce() throws Exception {
      licences();
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .withQueryParam("$select", equalTo(TenantUser.SELECT))
              .inScenario("user")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(okJson(users())));
      microsoft.stubFor(
          graphPost("/users")
              .withRequestBody(matchingJsonPath("$.accountEnabled", equalTo("true")))
              .withRequestBody(matchingJsonPath("$.displayName", equalTo("Alice Example")))
              .withRequestBody(matchingJsonPath("$.mailNickname", equalTo("alice")))
              .withRequestBody(matchingJsonPath("$.userPrincipalName", equalTo(ALICE)))
              .withRequestBody(matchingJsonPath("$.mail", equalTo(ALICE)))
              .withRequestBody(matchingJsonPath("$.usageLocation", equalTo("DK")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.passwordProfile.forceChangePasswordNextSignIn", equalTo("true")))
              .withRequestBody(matchingJsonPath("$.passwordProfile.password"))
              .inScenario("user")
              .willReturn(json(201, createdUser(ALICE, "Alice Example")))
              .willSetStateTo("created"));
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .inScenario("user")
              .whenScenarioStateIs("created")
              .willReturn(okJson(users(user(ALICE, "DK", SKU_ID)))));
      microsoft.stubFor(
          graphPost("/users/" + USER_ID + "/assignLicense")
              .withRequestBody(
                  equalToJson(
                      "{\"addLicenses\": [{\"skuId\": \""
                          + SKU_ID
                          + "\", \"disabledPlans\": []}], \"removeLicenses\": []}"))
              .willReturn(okJson(user(ALICE, "DK", SKU_ID))));
      microsoft.stubFor(
          graphGet("/users/" + USER_ID + "/mailboxSettings")
              .inScenario("mailbox")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(
                  graphError(
                      404,
                      "MailboxNotEnabledForRESTAPI",
                      "The mailbox is either inactive, soft-deleted, or is hosted on-premise."))
              .willSetStateTo("provisioned"));
      microsoft.stubFor(
          graphGet("/users/" + USER_ID + "/mailboxSettings")
              .inScenario("mailbox")
              .whenScenarioStateIs("provisioned")
              .willReturn(okJson(MAILBOX_SETTINGS)));

      Microsoft365Target target = target();
      assertThatThrownBy(() -> target.provisionMailbox(app, alice, "ENTERPRISEPREMIUM", "DK"))
          .isInstanceOf(TargetUnavailable.class)
          .hasMessageContaining("has not made the mailbox of alice@contoso.com yet");
      target.provisionMailbox(app, alice, "ENTERPRISEPREMIUM", "DK");

      microsoft.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/users")));
      microsoft.verify(
          1, postRequestedFor(urlPathEqualTo("/v1.0/users/" + USER_ID + "/assignLicense")));
      String sent = sentPasswords().get(0);
      assertThat(sent).hasSize(16);

      InitialPasswords.HandOut first = passwords.handOut("m-1");
      assertThat(first)
          .isEqualTo(
              new InitialPasswords.HandOut.Csv(
                  "EmailAddress,DisplayName,InitialPassword\r\n"
                      + "alice@contoso.com,Alice Example,"
                      + InitialPasswords.field(sent)
                      + "\r\n",
                  1));
      assertThat(secrets.size()).isEqualTo(1);
      assertThat(passwords.handOut("m-1"))
          .isEqualTo(new InitialPasswords.HandOut.AlreadyTaken(clock.instant()));
    }

    @Test
    void reusesAnExistingUserSettingItsUsageLocationBeforeTheLicence() {
      licences();
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .willReturn(okJson(users(user(ALICE, null)))));
      microsoft.stubFor(
          patch(urlPathEqualTo("/v1.0/users/" + USER_ID))
              .withRequestBody(equalToJson("{\"usageLocation\": \"DK\"}"))
              .willReturn(aResponse().withStatus(204)));
      microsoft.stubFor(
          graphPost("/users/" + USER_ID + "/assignLicense")
              .willReturn(okJson(user(ALICE, "DK", SKU_ID))));
      microsoft.stubFor(
          graphGet("/users/" + USER_ID + "/mailboxSettings").willReturn(okJson(MAILBOX_SETTINGS)));

      target().provisionMailbox(app, alice, "ENTERPRISEPREMIUM", "DK");

      microsoft.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/users")));
      List<LoggedRequest> calls = microsoft.findAll(anyRequestedFor(anyUrl()));
      List<String> order =
          calls.stream()
              .map(request -> request.getMethod() + " " + request.getUrl().replaceAll("\\?.*", ""))
              .filter(call -> call.contains("/users/"))
              .toList();
      assertThat(order)
          .containsExactly(
              "PATCH /v1.0/users/" + USER_ID,
              "POST /v1.0/users/" + USER_ID + "/assignLicense",
              "GET /v1.0/users/" + USER_ID + "/mailboxSettings");
      assertThat(passwords.handOut("m-1")).isEqualTo(new InitialPasswords.HandOut.None());
      assertThat(secrets.names()).containsExactly("client secret");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsNotRepeatedWithAnotherPassword() {
      licences();
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .inScenario("user")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(okJson(users())));
      microsoft.stubFor(
          graphPost("/users")
              .inScenario("user")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
              .willSetStateTo("created, answer lost"));
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .inScenario("user")
              .whenScenarioStateIs("created, answer lost")
              .willReturn(okJson(users()))
              .willSetStateTo("replicated"));
      microsoft.stubFor(
          graphPost("/users")
              .inScenario("user")
              .whenScenarioStateIs("replicated")
              .willReturn(objectConflict("userPrincipalName")));
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .inScenario("user")
              .whenScenarioStateIs("replicated")
              .willReturn(okJson(users(user(ALICE, "DK", SKU_ID)))));
      microsoft.stubFor(
          graphGet("/users/" + USER_ID + "/mailboxSettings").willReturn(okJson(MAILBOX_SETTINGS)));

      Microsoft365Target target = target();
      assertThatThrownBy(() -> target.provisionMailbox(app, alice, "ENTERPRISEPREMIUM", "DK"))
          .isInstanceOf(TargetUnavailable.class)
          .hasMessageContaining("could not be reached for POST /users");
      target.provisionMailbox(app, alice, "ENTERPRISEPREMIUM", "DK");

      List<String> sent = sentPasswords();
      assertThat(sent).hasSize(2);
      assertThat(sent.get(1)).isEqualTo(sent.get(0));
      assertThat(passwords.handOut("m-1"))
          .isInstanceOfSatisfying(
              InitialPasswords.HandOut.Csv.class,
              csv -> assertThat(csv.text()).contains(InitialPasswords.field(sent.get(0))));
    }

    @Test
    void anAddressHeldByAnotherObjectIsForTheAdministratorAndLeavesNoPassword() {
      licences();
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .willReturn(okJson(users())));
      microsoft.stubFor(graphPost("/users").willReturn(objectConflict("proxyAddresses")));

      assertThatThrownBy(() -> target().provisionMailbox(app, alice, "ENTERPRISEPREMIUM", "DK"))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("another object already uses that address")
          .hasMessageContaining("proxyAddresses");
      assertThat(secrets.names()).containsExactly("client secret");
      assertThat(passwords.handOut("m-1")).isEqualTo(new InitialPasswords.HandOut.None());
    }

    @Test
    void noFreeSeatSaysToBuyOrFreeLicences() {
      licences();
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .willReturn(okJson(users(user(ALICE, "DK")))));
      microsoft.stubFor(
          graphPost("/users/" + USER_ID + "/assignLicense")
              .willReturn(
                  graphError(
                      400,
                      "Request_BadRequest",
                      "Subscription with SKU c7df2760-2c81-4ef7-b578-5b5392b571df does not have"
                          + " any available licenses.")));

      assertThatThrownBy(() -> target().provisionMailbox(app, alice, "ENTERPRISEPREMIUM", "DK"))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("No free licence ENTERPRISEPREMIUM is left for alice@contoso.com")
          .hasMessageContaining("buy more licences or free some");
    }

    @Test
    void aMissingUserWritePermissionIsNamed() {
      licences();
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .willReturn(okJson(users())));
      microsoft.stubFor(
          graphPost("/users")
              .willReturn(
                  graphError(
                      403,
                      "Authorization_RequestDenied",
                      "Insufficient privileges to complete the operation.")));

      assertThatThrownBy(() -> target().provisionMailbox(app, alice, "ENTERPRISEPREMIUM", "DK"))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("User.ReadWrite.All");
      assertThat(secrets.size()).isEqualTo(2);
    }

    private List<String> sentPasswords() {
      return microsoft.findAll(postRequestedFor(urlPathEqualTo("/v1.0/users"))).stream()
          .map(request -> readPassword(request.getBodyAsString()))
          .toList();
    }

    private String readPassword(String body) {
      try {
        JsonNode node = json.readTree(body);
        return node.path("passwordProfile").path("password").asText();
      } catch (Exception e) {
        throw new AssertionError("Graph request body is not JSON: " + e.getMessage());
      }
    }
  }

  @Nested
  class Licences {

    @Test
    void offersTheUsersLicencesWithTheirFreeSeatsAndReadableNames() {
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .willReturn(
                  okJson(subscribedSkus(25, 14).replace("}]}", "}, " + suspendedSku() + "]}"))));

      List<LicenceOffer> offers = target().licenceOffers(app);

      assertThat(offers)
          .containsExactly(
              new LicenceOffer(SKU_ID, "ENTERPRISEPREMIUM", "Office 365 E5", 25, 14, true));
      assertThat(offers.get(0).free()).isEqualTo(11);
    }

    private String suspendedSku() {
      return """
          {"appliesTo": "User", "capabilityStatus": "Suspended", "consumedUnits": 0,
           "prepaidUnits": {"enabled": 0, "lockedOut": 0, "suspended": 5, "warning": 0},
           "servicePlans": [], "skuId": "18181a46-0d4e-45cd-891e-60aabd171b4e",
           "skuPartNumber": "STANDARDPACK"}""";
    }

    @Test
    void aUserThatHoldsTheLicenceIsLeftAloneAndAMissingUserIsReported() {
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo(USERS_FILTER))
              .willReturn(okJson(users(user(ALICE, "DK", SKU_ID)))));
      microsoft.stubFor(
          graphGet("/users")
              .withQueryParam("$filter", equalTo("userPrincipalName eq 'bob@contoso.com'"))
              .willReturn(okJson(users())));

      Microsoft365Target target = target();

      assertThat(target.assignLicence(app, ALICE, SKU_ID, "ENTERPRISEPREMIUM", "DK"))
          .isEqualTo(new LicenceOutcome.AlreadyHeld(ALICE));
      assertThat(target.assignLicence(app, "bob@contoso.com", SKU_ID, "ENTERPRISEPREMIUM", "DK"))
          .isInstanceOfSatisfying(
              LicenceOutcome.Failed.class,
              failed -> assertThat(failed.reason()).contains("has no user bob@contoso.com"));
      microsoft.verify(
          0, postRequestedFor(urlPathEqualTo("/v1.0/users/" + USER_ID + "/assignLicense")));
    }

    @Test
    void namesTheUsersWithoutAMailboxLicenceAsTheTenantShowsThem() {
      microsoft.stubFor(graphGet("/subscribedSkus").willReturn(okJson(subscribedSkus(25, 14))));
      microsoft.stubFor(
          graphGet("/users/" + ALICE)
              .withQueryParam("$select", equalTo(TenantUser.SELECT))
              .willReturn(okJson(user(ALICE, "DK", SKU_ID))));
      microsoft.stubFor(
          graphGet("/users/bob@contoso.com").willReturn(okJson(user("bob@contoso.com", "DK"))));
      microsoft.stubFor(
          graphGet("/users/carl@contoso.com")
              .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));

      assertThat(
              target().withoutLicence(app, List.of(ALICE, "bob@contoso.com", "carl@contoso.com")))
          .containsExactly("bob@contoso.com", "carl@contoso.com");
    }

    @Test
    void withoutALicenceNoUserIsCreatedSinceItWouldHaveNoMailboxToSyncInto() {
      assertThatThrownBy(
              () ->
                  target()
                      .provisionMailbox(
                          app,
                          new MailboxToProvision("m-1", "mailbox-1", ALICE, "Alice"),
                          null,
                          "DK"))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("No licence is named for the users")
          .hasMessageContaining("each mailbox must exist before the first sync")
          .hasMessageContaining("licenceSku");

      microsoft.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/users")));
    }

    @Test
    void preflightWithoutALicenceSaysTheMailboxesWouldBeMissing() {
      microsoft.stubFor(graphGet("/organization").willReturn(okJson(organization(null))));
      microsoft.stubFor(graphGet("/subscribedSkus").willReturn(okJson(subscribedSkus(25, 14))));
      microsoft.stubFor(
          graphGet("/domains/contoso.com")
              .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));
      microsoft.stubFor(
          graphGet("/users/" + ALICE + "/mailboxSettings")
              .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));

      assertThatThrownBy(() -> target().preflight(app, DOMAIN, null, List.of(ALICE)))
          .isInstanceOf(TargetNeedsAdministrator.class)
          .hasMessageContaining("(1) No licence is named for the users")
          .hasMessageContaining("Exchange Online makes a user's mailbox only once");
    }
  }

  @Nested
  class Throttling {

    @Test
    void writesArePacedOnTheClockWhileReadsAreNot() {
      microsoft.stubFor(
          patch(urlPathEqualTo("/v1.0/domains/contoso.com"))
              .willReturn(aResponse().withStatus(204)));
      microsoft.stubFor(
          graphGet("/domains/contoso.com").willReturn(okJson(domain(DOMAIN, true, "Email"))));
      TenantProperties.Microsoft365 settings = settings(4, Duration.ofSeconds(60), 2, 2);
      EntraTokens tokens =
          TenantConfiguration.tokens(settings, secrets, LoopbackTls.trustingIt(), clock);
      Instant start = clock.instant();
      GraphApi graph =
          TenantConfiguration.graph(
              settings,
              tokens,
              LoopbackTls.trustingIt(),
              clock,
              wait -> {
                pauses.add(wait);
                clock.advance(wait);
              });

      for (int i = 0; i < 5; i++) {
        graph.get(app, "/domains/contoso.com", "Domain.Read.All");
      }
      assertThat(pauses).isEmpty();
      for (int i = 0; i < 5; i++) {
        graph.patch(
            app,
            "/domains/contoso.com",
            java.util.Map.of("supportedServices", List.of("Email")),
            "Domain.ReadWrite.All");
      }

      assertThat(pauses)
          .containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
      assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMillis(1500));
      microsoft.verify(5, patchRequestedFor(urlPathEqualTo("/v1.0/domains/contoso.com")));
    }

    @Test
    void waitsAsRetryAfterSaysThenSucceeds() {
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("throttle")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(throttled("2.128"))
              .willSetStateTo("once"));
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("throttle")
              .whenScenarioStateIs("once")
              .willReturn(json(503, "").withHeader("Retry-After", "1"))
              .willSetStateTo("twice"));
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("throttle")
              .whenScenarioStateIs("twice")
              .willReturn(okJson(subscribedSkus(25, 14))));

      assertThat(new TenantLicences(graph()).skuId(app, "ENTERPRISEPREMIUM")).isEqualTo(SKU_ID);
      assertThat(pauses).containsExactly(Duration.ofMillis(2128), Duration.ofSeconds(1));
    }

    @Test
    void eachThrottledAnswerIsCountedForGraphsEndpoint() {
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("counted")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(throttled("1"))
              .willSetStateTo("once"));
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("counted")
              .whenScenarioStateIs("once")
              .willReturn(okJson(subscribedSkus(25, 14))));
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      TenantProperties.Microsoft365 settings = settings(4, Duration.ofSeconds(60));
      EntraTokens tokens =
          TenantConfiguration.tokens(settings, secrets, LoopbackTls.trustingIt(), clock);
      GraphApi graph =
          TenantConfiguration.graph(
              settings,
              tokens,
              LoopbackTls.trustingIt(),
              clock,
              pauses::add,
              new RunbookMetrics(registry));
      String endpoint = "localhost:" + microsoft.getRuntimeInfo().getHttpsPort();

      assertThat(new TenantLicences(graph).skuId(app, "ENTERPRISEPREMIUM")).isEqualTo(SKU_ID);

      assertThat(pauses).containsExactly(Duration.ofSeconds(1));
      assertThat(registry.get("cutover.throttled").tag("endpoint", endpoint).counter().count())
          .isEqualTo(1.0);
      assertThat(GraphApi.endpoint(URI.create("https://graph.microsoft.com/v1.0/users")))
          .isEqualTo("graph.microsoft.com");
    }

    @Test
    void anUnavailableGraphIsNotCountedAsThrottling() {
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("unavailable")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(json(503, "").withHeader("Retry-After", "1"))
              .willSetStateTo("ok"));
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("unavailable")
              .whenScenarioStateIs("ok")
              .willReturn(okJson(subscribedSkus(25, 14))));
      List<String> throttled = new ArrayList<>();
      TenantProperties.Microsoft365 settings = settings(4, Duration.ofSeconds(60));
      EntraTokens tokens =
          TenantConfiguration.tokens(settings, secrets, LoopbackTls.trustingIt(), clock);
      GraphApi graph =
          TenantConfiguration.graph(
              settings, tokens, LoopbackTls.trustingIt(), clock, pauses::add, throttled::add);

      new TenantLicences(graph).skuId(app, "ENTERPRISEPREMIUM");

      assertThat(pauses).containsExactly(Duration.ofSeconds(1));
      assertThat(throttled).isEmpty();
    }

    @Test
    void givesUpAfterTheLastAttemptSayingItIsTriedAgainLater() {
      microsoft.stubFor(graphGet("/subscribedSkus").willReturn(throttled("1")));

      assertThatThrownBy(
              () ->
                  new TenantLicences(graph(3, Duration.ofSeconds(60)))
                      .skuId(app, "ENTERPRISEPREMIUM"))
          .isInstanceOf(TargetUnavailable.class)
          .hasMessageContaining(
              "throttled GET /subscribedSkus 3 times (HTTP 429, Retry-After 1 s)");
      assertThat(pauses).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanAllowedEndsTheStepAtOnce() {
      microsoft.stubFor(graphGet("/subscribedSkus").willReturn(throttled("300")));

      assertThatThrownBy(
              () ->
                  new TenantLicences(graph(5, Duration.ofSeconds(60)))
                      .skuId(app, "ENTERPRISEPREMIUM"))
          .isInstanceOf(TargetUnavailable.class)
          .hasMessageContaining("Retry-After 300 s");
      assertThat(pauses).isEmpty();
    }

    @Test
    void backsOffWithoutRetryAfter() {
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("busy")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(json(504, ""))
              .willSetStateTo("ok"));
      microsoft.stubFor(
          graphGet("/subscribedSkus")
              .inScenario("busy")
              .whenScenarioStateIs("ok")
              .willReturn(okJson(subscribedSkus(25, 14))));

      new TenantLicences(graph()).skuId(app, "ENTERPRISEPREMIUM");

      assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    }
  }

  /** An RSA key (PKCS#8) and a self-signed certificate for it, made with openssl, as one PEM. */
  static String selfSignedCertificate(Path dir) throws Exception {
    RealServers.require(
        Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl (Debian package openssl)");
    Process openssl =
        new ProcessBuilder(
                "/usr/bin/openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                dir.resolve("key.pem").toString(),
                "-out",
                dir.resolve("cert.pem").toString(),
                "-subj",
                "/CN=cutover-test",
                "-days",
                "2")
            .redirectErrorStream(true)
            .start();
    String output = new String(openssl.getInputStream().readAllBytes());
    assertThat(openssl.waitFor()).as(output).isZero();
    return Files.readString(dir.resolve("key.pem")) + Files.readString(dir.resolve("cert.pem"));
  }

  static Signature signatureFor(String alg) throws Exception {
    if (alg.equals("RS256")) {
      return Signature.getInstance("SHA256withRSA");
    }
    if (alg.equals("PS256")) {
      Signature pss = Signature.getInstance("RSASSA-PSS");
      pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      return pss;
    }
    throw new AssertionError("Unexpected assertion algorithm " + alg);
  }
}
