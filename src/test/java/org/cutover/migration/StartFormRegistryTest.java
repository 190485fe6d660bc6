package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cutover.migration.schedule.SwitchProperties;
import org.cutover.migration.schedule.SwitchTime;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The Tasklist start form's variables registered with the API's rules, on the real schema. */
@JdbcTest
@ActiveProfiles("test")
@ImportAutoConfiguration(ValidationAutoConfiguration.class)
@Import({
  org.cutover.migration.recipients.RecipientStore.class,
  org.cutover.migration.recipients.BatchRecipients.class,
  org.cutover.migration.letters.ClientSettingsConfiguration.class,
  MigrationStore.class,
  MigrationRegistration.class,
  Capabilities.class,
  SettingsValidation.class,
  BuiltInDnsProviders.class,
  StartFormRegistry.class,
  StartFormRegistryTest.Setup.class
})
class StartFormRegistryTest {

  @TestConfiguration
  @ComponentScan({"org.cutover.secrets", "org.cutover.migration.schedule"})
  @EnableConfigurationProperties(SwitchProperties.class)
  @Import(DnsChangeHistory.class)
  static class Setup {}

  // Logins are tried at registration against real servers in LoginCheckAtRegistrationIT.
  @MockitoBean RegistrationLogins registrationLogins;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;

  @Autowired MigrationRegistry registry;
  @Autowired MigrationStore store;
  @Autowired SecretStore secrets;

  @Test
  void registersAMicrosoft365MigrationFromTheForm() {
    Map<String, Object> form = microsoft365Form();

    String id = registry.registerFromForm(form).migrationId();

    StoredMigration stored = store.find(id).orElseThrow();
    assertThat(stored.summary().batchName()).isEqualTo("contoso-wave-1");
    assertThat(stored.dnsMode()).isEqualTo(DnsMode.GUIDED);
    assertThat(stored.clientSecret().id()).isEqualTo(form.get("targetCredentialId"));
    assertThat(store.mailboxes(id))
        .extracting(MailboxState::emailAddress, MailboxState::displayName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("anna@contoso.com", "Anna Jensen"),
            org.assertj.core.groups.Tuple.tuple("bo@contoso.com", "Bo Hansen"));
    StoredEndpoint source = store.endpoint(id, EndpointRole.SOURCE).orElseThrow();
    assertThat(source.port()).isEqualTo(993);
    assertThat(source.maxConcurrentMailboxes()).isEqualTo(10);
    assertThat(source.credential().id()).isEqualTo(form.get("sourceCredentialId"));
  }

  @Test
  void registersAnImapTargetWithItsOwnEndpoint() {
    Map<String, Object> form = microsoft365Form();
    form.put("targetType", "IMAP");
    form.put("targetHost", "imap.example.net");
    form.put("targetSecurity", "STARTTLS");
    form.put("targetAuth", "DELEGATED_ADMIN");
    form.put("targetAdminUser", "admin@example.net");
    form.put("mxHosts", "10 mx1.example.net\n\n20 mx2.example.net.\n");

    String id = registry.registerFromForm(form).migrationId();

    StoredEndpoint target = store.endpoint(id, EndpointRole.TARGET).orElseThrow();
    assertThat(target.host()).isEqualTo("imap.example.net");
    assertThat(target.port()).isEqualTo(143);
    assertThat(store.find(id).orElseThrow().clientSecret()).isNull();
    assertThat(store.targetMxHosts(id))
        .containsExactly(
            new TargetDnsRecords.MailExchanger(10, "mx1.example.net"),
            new TargetDnsRecords.MailExchanger(20, "mx2.example.net"));
  }

  @Test
  void anImapTargetWithoutMailExchangersNamesTheFormField() {
    Map<String, Object> form = microsoft365Form();
    form.put("targetType", "IMAP");
    form.put("targetHost", "imap.example.net");
    form.put("targetSecurity", "STARTTLS");
    form.put("targetAuth", "DELEGATED_ADMIN");
    form.put("targetAdminUser", "admin@example.net");
    form.put("mxHosts", "mx1.example.net");

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(
                        "mxHosts: must be a preference from 0 to 65535 and a host name, such as 10"
                            + " mx.newhost.example"));
    form.remove("mxHosts");
    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(
                        "mxHosts: an IMAP target needs its mail exchangers, one per line as"
                            + " preference and host, such as 10 mx.newhost.example"));
    assertThat(store.list()).isEmpty();
  }

  @Test
  void listsEveryProblemByFormFieldAndCsvLine() {
    Map<String, Object> form = microsoft365Form();
    form.put("batchName", "wave 1");
    form.put("sourcePort", "nine-nine-three");
    form.put("sourceSecurity", "TLS");
    form.put("mailboxesCsv", "EmailAddress,DisplayName\nanna@contoso.com,Anna\nbo-at-contoso,Bo\n");
    form.remove("sourceCredentialId");

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactlyInAnyOrder(
                        "sourcePort: must be a whole number",
                        "sourceSecurity: must be one of IMPLICIT_TLS, STARTTLS, PLAINTEXT",
                        "batchName: may contain only letters, digits, '-' and '_' (no spaces or"
                            + " other characters), such as contoso-wave-1",
                        "mailboxesCsv, line 3: must be an email address such as anna@contoso.com",
                        "sourceCredentialId: give the secret, or credentialId naming a"
                            + " credential stored with POST /api/credentials"));
    assertThat(store.list()).isEmpty();
  }

  @Test
  void namesACredentialIdThatIsNotStored() {
    Map<String, Object> form = microsoft365Form();
    form.put("sourceCredentialId", "3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90");

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .singleElement()
                    .asString()
                    .startsWith("sourceCredentialId: no stored credential has this id"));
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void refusedSettingsLeaveTheSurroundingTransactionFreeToCommit(
      @Autowired PlatformTransactionManager transactions) {
    Map<String, Object> form = microsoft365Form();
    form.put("sourceCredentialId", "3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90");
    TransactionTemplate runbookStep = new TransactionTemplate(transactions);

    String outcome =
        runbookStep.execute(
            status -> {
              try {
                registry.registerFromForm(form);
                return "registered";
              } catch (InvalidMigrationSettings invalid) {
                return "problems recorded";
              }
            });

    assertThat(outcome).isEqualTo("problems recorded");
    secrets.list().forEach(stored -> secrets.delete(stored.ref()));
  }

  @Test
  void answersInDanishForADanishMigration() {
    Map<String, Object> form = microsoft365Form();
    form.put("language", "da");
    form.put("mailboxesCsv", "");

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .anySatisfy(
                        problem -> assertThat(problem).contains("angiv mindst én postkasse")));
  }

  @Test
  void aSwitchTimeInThePastIsRefusedWithTheOtherProblemsAndNothingIsStored() {
    Map<String, Object> form = microsoft365Form();
    form.put("mailboxesCsv", "");
    form.put("switchDate", LocalDate.now(ZoneId.of("Europe/Copenhagen")).minusDays(1).toString());
    form.put("switchTime", "18:00");
    form.put("switchZone", "Europe/Copenhagen");
    int before = store.list().size();

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .anySatisfy(problem -> assertThat(problem).startsWith("mailboxesCsv"))
                    .contains("switchDate: must be in the future; choose a later day or time"));
    assertThat(store.list()).hasSize(before);
  }

  @Test
  void aSwitchTimeBeforeTheOldTtlCanRunOutNamesTheTimeFieldInDanish() {
    Map<String, Object> form = microsoft365Form();
    form.put("language", "da");
    // the rule's default: 24 hours of assumed old MX TTL and 1 hour of margin from now
    java.time.ZonedDateTime soon =
        java.time.ZonedDateTime.now(ZoneId.of("UTC")).plusHours(2).withSecond(0).withNano(0);
    form.put("switchDate", soon.toLocalDate().toString());
    form.put("switchTime", soon.toLocalTime().toString());
    form.put("switchZone", "UTC");

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .singleElement()
                    .asString()
                    .startsWith("switchTime: må ikke ligge før "));
  }

  @Test
  void anUnknownZoneAndAMissingTimeNameTheirFields() {
    Map<String, Object> form = microsoft365Form();
    form.put("switchDate", "2099-04-18");
    form.put("switchZone", "Europe/Nowhere");

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactlyInAnyOrder(
                        "switchTime: give the time of day of the switch, such as 18:00",
                        "switchZone: is no time zone; give a region such as Europe/Copenhagen or"
                            + " UTC"));
  }

  @Test
  void aValidSwitchTimeIsReadFromTheFormAndNoneWithoutDayAndTime() {
    Map<String, Object> form = microsoft365Form();
    form.put("switchZone", "Europe/Copenhagen");
    assertThat(registry.plannedSwitch(form)).isEmpty();

    form.put("switchDate", "2099-04-18T00:00:00");
    form.put("switchTime", "18:00");
    registry.registerFromForm(form);

    assertThat(registry.plannedSwitch(form))
        .contains(
            new SwitchTime(LocalDate.of(2099, 4, 18), LocalTime.of(18, 0), "Europe/Copenhagen"));
  }

  @Test
  void acceptsNumbersAsTasklistSendsThem() {
    Map<String, Object> form = microsoft365Form();
    form.put("sourcePort", 1993L);
    form.put("maxMxTtl", 300.0);

    String id = registry.registerFromForm(form).migrationId();

    assertThat(store.endpoint(id, EndpointRole.SOURCE).orElseThrow().port()).isEqualTo(1993);
    assertThat(store.find(id).orElseThrow().maxMxTtl()).isEqualTo(300);
  }

  @Test
  void keepsTheAutodiscoverConsentAndSpfIncludeGivenInTheForm() {
    Map<String, Object> form = microsoft365Form();
    form.put("autodiscoverOverwriteConsent", true);
    form.put("spfInclude", "spf.example.net");
    Map<String, Object> plain = microsoft365Form();
    plain.put("domain", "fabrikam.com");
    plain.put("mailboxesCsv", "EmailAddress\nanna@fabrikam.com\n");

    StoredMigration given = store.find(registry.registerFromForm(form).migrationId()).orElseThrow();
    StoredMigration defaults =
        store.find(registry.registerFromForm(plain).migrationId()).orElseThrow();

    assertThat(given.autodiscoverOverwriteConsent()).isTrue();
    assertThat(given.spfInclude()).isEqualTo("spf.example.net");
    assertThat(defaults.autodiscoverOverwriteConsent()).isFalse();
    assertThat(defaults.spfInclude()).isNull();
  }

  @Test
  void anUnknownDnsProviderNamesTheFormFieldAndTheKnownProviders() {
    Map<String, Object> form = microsoft365Form();
    form.put("dnsMode", "AUTOMATIC");
    form.put("dnsProvider", "route53");
    form.put("dnsZone", "contoso.com");
    form.put("dnsCredentialId", secrets.put("contoso DNS", "aws-key").id());

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(
                        "dnsProvider: is not a DNS provider of this Cutover; give one of"
                            + " cloudflare, rfc2136, or choose GUIDED"));
    form.put("language", "da");
    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(
                        "dnsProvider: er ikke en DNS-udbyder i denne Cutover; angiv en af"
                            + " cloudflare, rfc2136, eller vælg GUIDED"));
    assertThat(store.list()).isEmpty();
  }

  @Test
  void theDnsProvidersSettingsAreCheckedByFormFieldIncludingAStoredKey() {
    Map<String, Object> form = microsoft365Form();
    form.put("dnsMode", "AUTOMATIC");
    form.put("dnsProvider", "rfc2136");
    form.put("dnsZone", "contoso.com");
    form.put("dnsCredentialId", secrets.put("contoso DNS", "not-a-tsig-key").id());

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(
                        "dnsServer: the DNS provider rfc2136 needs the server that takes its"
                            + " changes, as host or host:port"));
    form.put("dnsServer", "ns1.contoso.com:53");
    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .singleElement()
                    .asString()
                    .startsWith("dnsCredentialId: must be a TSIG key written as name:algorithm")
                    .doesNotContain("not-a-tsig-key"));
    form.put(
        "dnsCredentialId",
        secrets.put("contoso DNS", "cutover-key:hmac-sha256:c2VjcmV0LWRucy1rZXk=").id());

    String id = registry.registerFromForm(form).migrationId();

    StoredMigration stored = store.find(id).orElseThrow();
    assertThat(stored.dnsProvider()).isEqualTo("rfc2136");
    assertThat(stored.dnsServer()).isEqualTo("ns1.contoso.com:53");
  }

  @Test
  void aMicrosoft365FormWithoutTheLicenceIsRefusedNamingTheFieldAndWhy() {
    Map<String, Object> form = microsoft365Form();
    form.put("licenceSku", "");

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .singleElement()
                    .asString()
                    .startsWith("licenceSku: give the licence every user gets when it is created")
                    .contains("each mailbox must exist before the first sync"));
    assertThat(store.list()).isEmpty();
  }

  @Test
  void bothFormsShowTheLicenceAsRequiredForMicrosoft365Only() throws Exception {
    for (String form : List.of("forms/start-migration.form", "forms/correct-settings.form")) {
      JsonNode licence = field(new ObjectMapper().readTree(Path.of(form).toFile()), "licenceSku");
      assertThat(licence).as(form).isNotNull();
      assertThat(licence.at("/validate/required").asBoolean(false)).as(form).isTrue();
      assertThat(licence.at("/conditional/hide").asText())
          .as(form)
          .isEqualTo("=targetType != \"MICROSOFT_365\"");
      assertThat(licence.path("label").asText()).as(form).doesNotContain("optional");
      assertThat(licence.path("description").asText())
          .as(form)
          .contains("Required for Microsoft 365")
          .contains("each mailbox must exist before the first sync")
          .contains("Kræves for Microsoft 365");
    }
  }

  private static JsonNode field(JsonNode node, String key) {
    for (JsonNode component : node.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
      JsonNode inside = field(component, key);
      if (inside != null) {
        return inside;
      }
    }
    return null;
  }

  @Test
  void theStartAndCorrectionFormsAskForExactlyTheFieldsTheRegistryReads() throws Exception {
    Set<String> read = new TreeSet<>();
    for (Field constant : StartFormFields.class.getDeclaredFields()) {
      if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class) {
        read.add((String) constant.get(null));
      }
    }
    for (String form : List.of("forms/start-migration.form", "forms/correct-settings.form")) {
      Set<String> keys = new TreeSet<>();
      collectKeys(new ObjectMapper().readTree(Path.of(form).toFile()), keys);
      assertThat(keys).as(form).isEqualTo(read);
    }
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component, keys);
    }
  }

  @Test
  void registersEachUsersStoredPasswordsWithoutAnAdminLogin() {
    SecretRef anna = secrets.put("anna@contoso.com: source password", "anna-own");
    SecretRef bo = secrets.put("bo@contoso.com: source password", "bo-own");
    Map<String, Object> form = microsoft365Form();
    form.put("sourceAuth", "PLAIN");
    form.remove("sourceAdminUser");
    form.remove("sourceCredentialId");
    form.put(
        "mailboxesCsv",
        "EmailAddress,UserName,DisplayName,SourceCredentialId\n"
            + "anna@contoso.com,anna,Anna Jensen,"
            + anna.id()
            + "\nbo@contoso.com,bo,Bo Hansen,"
            + bo.id()
            + "\n");

    String id = registry.registerFromForm(form).migrationId();

    assertThat(store.mailboxes(id))
        .extracting(MailboxState::sourceUser, MailboxState::sourcePassword)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("anna", anna),
            org.assertj.core.groups.Tuple.tuple("bo", bo));
    StoredEndpoint source = store.endpoint(id, EndpointRole.SOURCE).orElseThrow();
    assertThat(source.adminUser()).isNull();
    assertThat(source.credential()).isNull();
  }

  @Test
  void aPasswordColumnInTheFormIsRefusedSayingWhereToSendIt() {
    Map<String, Object> form = microsoft365Form();
    form.put("sourceAuth", "PLAIN");
    form.remove("sourceAdminUser");
    form.remove("sourceCredentialId");
    form.put("mailboxesCsv", "EmailAddress,UserName,Password\nanna@contoso.com,anna,Secret1\n");

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .anySatisfy(
                        problem ->
                            assertThat(problem)
                                .startsWith("mailboxesCsv, line 1: remove the Password columns")
                                .contains("POST /api/credentials/mailboxes"))
                    .anySatisfy(
                        problem ->
                            assertThat(problem)
                                .startsWith(
                                    "mailboxesCsv, line 2: the source signs in as each user")));
    // Only the form's two stored credentials: nothing of the refused list was stored.
    assertThat(secrets.list()).hasSize(2);
  }

  @Autowired org.cutover.migration.recipients.RecipientStore recipients;

  private static org.cutover.directory.Recipient mailbox(
      org.cutover.directory.RecipientKind kind, String address, String name) {
    return new org.cutover.directory.Recipient(
        "cn=" + name + ",dc=contoso,dc=com",
        kind,
        name,
        address,
        List.of(),
        List.of(),
        null,
        null,
        List.of(),
        List.of(),
        false);
  }

  @Test
  void takesTheMailboxesOfTheAcceptedDiscoveryOnceItsReviewAcceptedIt() {
    String discoveryId =
        recipients.saveDiscovery(
            "contoso.com",
            "ldaps://dc1.contoso.com DC=contoso,DC=com",
            new org.cutover.directory.Discovery(
                List.of(
                    mailbox(
                        org.cutover.directory.RecipientKind.USER_MAILBOX,
                        "anna@contoso.com",
                        "Anna Jensen"),
                    mailbox(
                        org.cutover.directory.RecipientKind.USER_MAILBOX,
                        "bo@contoso.com",
                        "Bo Hansen"),
                    mailbox(
                        org.cutover.directory.RecipientKind.SHARED_MAILBOX,
                        "info@contoso.com",
                        "Info"),
                    mailbox(
                        org.cutover.directory.RecipientKind.ROOM_MAILBOX,
                        "room1@contoso.com",
                        "Room 1")),
                List.of()),
            java.time.Instant.parse("2026-03-01T08:00:00Z"),
            true);
    Map<String, Object> form = microsoft365Form();
    form.remove("mailboxesCsv");
    form.put("mailboxesFrom", "DISCOVERY");

    assertThatThrownBy(() -> registry.registerFromForm(form))
        .as("a discovery awaiting its review is no accepted one")
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .contains(
                        "discoveryId: there is no accepted directory discovery of this domain"
                            + " that no migration has taken; start \"Directory discovery\" in"
                            + " Tasklist and accept its proposed batch, or give the mailboxes as"
                            + " CSV"));
    form.put("discoveryId", discoveryId);
    assertThatThrownBy(() -> registry.registerFromForm(form))
        .as("named, it is refused until accepted")
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(
                        "discoveryId: this directory discovery waits for its review in Tasklist"
                            + " (\"Review the proposed batch\"); accept the batch there first"));
    assertThat(store.list()).isEmpty();

    String bo =
        recipients.ofDiscovery(discoveryId).stream()
            .filter(r -> r.primaryAddress().equals("bo@contoso.com"))
            .findFirst()
            .orElseThrow()
            .id();
    recipients.leaveOut(bo);
    assertThat(recipients.accept(discoveryId, "admin", java.time.Instant.now())).isTrue();
    form.remove("discoveryId");

    String id = registry.registerFromForm(form).migrationId();

    assertThat(store.mailboxes(id))
        .extracting(MailboxState::emailAddress, MailboxState::displayName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("anna@contoso.com", "Anna Jensen"),
            org.assertj.core.groups.Tuple.tuple("info@contoso.com", "Info"));
    assertThat(recipients.discovery(discoveryId).orElseThrow().migrationId()).isEqualTo(id);
    assertThat(recipients.ofMigration(id))
        .extracting(
            org.cutover.migration.recipients.StoredRecipient::primaryAddress,
            org.cutover.migration.recipients.StoredRecipient::excludedReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("anna@contoso.com", null),
            org.assertj.core.groups.Tuple.tuple(
                "bo@contoso.com", org.cutover.directory.ExclusionReason.NOT_LISTED),
            org.assertj.core.groups.Tuple.tuple("info@contoso.com", null),
            org.assertj.core.groups.Tuple.tuple(
                "room1@contoso.com", org.cutover.directory.ExclusionReason.ROOM_MAILBOX));
  }

  private Map<String, Object> microsoft365Form() {
    SecretRef admin = secrets.put("contoso admin", "admin-password");
    SecretRef client = secrets.put("contoso app", "client-secret");
    Map<String, Object> form = new HashMap<>();
    form.put("domain", "contoso.com");
    form.put("batchName", "contoso-wave-1");
    form.put(
        "mailboxesCsv",
        "EmailAddress,DisplayName\nanna@contoso.com,Anna Jensen\nbo@contoso.com,Bo Hansen\n");
    form.put("sourceHost", "mail.contoso.com");
    form.put("sourceSecurity", "IMPLICIT_TLS");
    form.put("sourceAuth", "DELEGATED_ADMIN");
    form.put("sourceAdminUser", "migration-admin@contoso.com");
    form.put("sourceCredentialId", admin.id());
    form.put("maxConcurrentMailboxes", 10);
    form.put("targetType", "MICROSOFT_365");
    form.put("tenantId", "contoso.onmicrosoft.com");
    form.put("clientId", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    form.put("targetCredentialId", client.id());
    form.put("licenceSku", "EXCHANGESTANDARD");
    form.put("usageLocation", "DK");
    form.put("dnsMode", "GUIDED");
    form.put("language", "en");
    form.put("autoStartBatch", true);
    form.put("unrelatedProcessVariable", List.of("ignored"));
    return form;
  }
}
