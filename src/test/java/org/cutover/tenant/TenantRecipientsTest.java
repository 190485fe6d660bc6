package org.cutover.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cutover.tenant.GraphStubs.*;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.cutover.secrets.SecretRef;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the tenant holds for a recipient, read through Microsoft Graph v1.0 stubbed as Microsoft
 * documents each request and answer (pages named beside each stub; bodies in graph/, whose README
 * names them too).
 */
class TenantRecipientsTest {

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

  static final String SALES_ID = "5c9a1b2e-7d4f-4e8a-9b1c-2d3e4f5a6b7c";
  static final String GROUP_ID = "02bd9fd6-8f93-4758-87c3-1fb73740a315";

  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private Microsoft365Target target;
  private Microsoft365App app;

  @BeforeEach
  void tenant() {
    MemorySecretStore secrets = new MemorySecretStore();
    SecretRef secret = secrets.put("client secret", CLIENT_SECRET);
    app = new Microsoft365App(TENANT, CLIENT_ID, secret);
    microsoft.stubFor(tokenRequest(GRAPH_SCOPE).willReturn(token(GRAPH_TOKEN)));
    String base = microsoft.getRuntimeInfo().getHttpsBaseUrl();
    TenantProperties.Microsoft365 settings =
        new TenantProperties.Microsoft365(
            URI.create(base),
            URI.create(base + "/v1.0"),
            GRAPH_SCOPE,
            IMAP_SCOPE,
            Duration.ofSeconds(10),
            2,
            Duration.ofSeconds(5),
            10,
            20);
    EntraTokens tokens =
        TenantConfiguration.tokens(settings, secrets, LoopbackTls.trustingIt(), clock);
    GraphApi graph =
        TenantConfiguration.graph(settings, tokens, LoopbackTls.trustingIt(), clock, w -> {});
    target =
        TenantConfiguration.microsoft365(
            settings, tokens, graph, new PasswordDatabase().passwords(secrets, clock));
  }

  private static MappingBuilder graphGet(String path) {
    return get(urlPathEqualTo("/v1.0" + path))
        .withHeader("Authorization", equalTo("Bearer " + GRAPH_TOKEN));
  }

  private static String filled(String file, Map<String, String> raw) {
    String text;
    try (var in = TenantRecipientsTest.class.getResourceAsStream("/graph/" + file)) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (Map.Entry<String, String> value : raw.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return text;
  }

  @Test
  void readsASharedMailboxWithItsProxyAddressesAndPurpose() {
    // List users: https://learn.microsoft.com/en-us/graph/api/user-list
    microsoft.stubFor(
        graphGet("/users")
            .withQueryParam("$filter", equalTo("userPrincipalName eq 'sales@contoso.com'"))
            .withQueryParam("$select", equalTo("id,userPrincipalName,mail,proxyAddresses"))
            .willReturn(
                okJson(
                    filled(
                        "users-proxy-addresses.json",
                        Map.of(
                            "id",
                            SALES_ID,
                            "upn",
                            "sales@contoso.com",
                            "proxyAddresses",
                            "\"SMTP:sales@contoso.com\", \"smtp:salg@contoso.com\","
                                + " \"X500:/o=Contoso/cn=Recipients/cn=sales\"")))));
    // Get mailboxSettings: https://learn.microsoft.com/en-us/graph/api/user-get-mailboxsettings
    microsoft.stubFor(
        graphGet("/users/" + SALES_ID + "/mailboxSettings")
            .willReturn(
                okJson(
                    filled(
                        "mailbox-settings-purpose.json",
                        Map.of("id", SALES_ID, "userPurpose", "shared")))));

    TenantRecipient sales = target.mailbox(app, "sales@contoso.com");

    assertThat(sales.found()).isTrue();
    assertThat(sales.kind()).isEqualTo("shared");
    assertThat(sales.receivesAt("SALG@contoso.com")).isTrue();
    assertThat(sales.receivesAt("s@contoso.com")).isFalse();
    assertThat(sales.hasX500("/o=Contoso/cn=Recipients/cn=sales")).isTrue();
  }

  @Test
  void aUserThatIsNotThereIsAbsent() {
    // List users, no match: https://learn.microsoft.com/en-us/graph/api/user-list
    microsoft.stubFor(
        graphGet("/users")
            .withQueryParam("$filter", equalTo("userPrincipalName eq 'o''brien@contoso.com'"))
            .willReturn(okJson(users())));

    assertThat(target.mailbox(app, "o'brien@contoso.com").found()).isFalse();
  }

  @Test
  void readsAMailEnabledSecurityGroupWithEveryPageOfItsMembers() {
    // List groups: https://learn.microsoft.com/en-us/graph/api/group-list
    microsoft.stubFor(
        graphGet("/groups")
            .withQueryParam("$filter", equalTo("mail eq 'finance@contoso.com'"))
            .willReturn(
                okJson(
                    filled(
                        "groups.json",
                        Map.of(
                            "id", GROUP_ID,
                            "displayName", "Finance",
                            "mail", "finance@contoso.com",
                            "securityEnabled", "true",
                            "proxyAddresses", "\"SMTP:finance@contoso.com\"")))));
    // List group members, two pages: https://learn.microsoft.com/en-us/graph/api/group-list-members
    String next =
        microsoft.getRuntimeInfo().getHttpsBaseUrl()
            + "/v1.0/groups/"
            + GROUP_ID
            + "/members?$select=id,mail&$skiptoken=X%2744537074020001000000%27";
    microsoft.stubFor(
        graphGet("/groups/" + GROUP_ID + "/members")
            .withQueryParam("$select", equalTo("id,mail"))
            .withQueryParam("$skiptoken", com.github.tomakehurst.wiremock.client.WireMock.absent())
            .willReturn(
                okJson(
                    filled(
                        "group-members.json",
                        Map.of(
                            "nextLink",
                            "\"@odata.nextLink\": \"" + next + "\", ",
                            "members",
                            "{\"@odata.type\": \"#microsoft.graph.user\", \"id\": \"u1\","
                                + " \"mail\": \"anna@contoso.com\"}")))));
    microsoft.stubFor(
        graphGet("/groups/" + GROUP_ID + "/members")
            .withQueryParam("$skiptoken", equalTo("X'44537074020001000000'"))
            .willReturn(
                okJson(
                    filled(
                        "group-members.json",
                        Map.of(
                            "nextLink",
                            "",
                            "members",
                            "{\"@odata.type\": \"#microsoft.graph.user\", \"id\": \"u2\","
                                + " \"mail\": \"Bo@contoso.com\"}")))));

    TenantRecipient finance = target.group(app, "finance@contoso.com");

    assertThat(finance.kind()).isEqualTo("security group");
    assertThat(finance.members()).containsExactlyInAnyOrder("anna@contoso.com", "bo@contoso.com");
  }

  @Test
  void readsAnOrganisationalContact() {
    // List orgContacts: https://learn.microsoft.com/en-us/graph/api/orgcontact-list
    microsoft.stubFor(
        graphGet("/contacts")
            .withQueryParam("$filter", equalTo("mail eq 'partner@fabrikam.com'"))
            .willReturn(
                okJson(
                    filled(
                        "org-contacts.json",
                        Map.of(
                            "contacts",
                            "{\"id\": \"25caf6a2-d5cb-470d-8940-20ba795ef62d\", \"displayName\":"
                                + " \"Partner\", \"mail\": \"partner@fabrikam.com\","
                                + " \"proxyAddresses\": [\"SMTP:partner@fabrikam.com\"]}")))));
    microsoft.stubFor(
        graphGet("/contacts")
            .withQueryParam("$filter", equalTo("mail eq 'nobody@fabrikam.com'"))
            .willReturn(okJson(filled("org-contacts.json", Map.of("contacts", "")))));

    assertThat(target.contact(app, "partner@fabrikam.com").kind()).isEqualTo("contact");
    assertThat(target.contact(app, "nobody@fabrikam.com").found()).isFalse();
  }

  @Test
  void aRefusedPermissionIsForTheAdministrator() {
    // Errors: https://learn.microsoft.com/en-us/graph/errors
    microsoft.stubFor(
        graphGet("/contacts")
            .willReturn(
                graphError(403, "Authorization_RequestDenied", "Insufficient privileges.")));

    assertThatThrownBy(() -> target.contact(app, "partner@fabrikam.com"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("OrgContact.Read.All");
  }
}
