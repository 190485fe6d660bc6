package org.cutover.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cutover.secrets.SecretRef;
import org.cutover.testsupport.PrivateSlapd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory discovery against Debian's OpenLDAP with the Exchange attributes in its schema. */
class DirectoryReaderIT {

  private static final String EXCHANGE = "ou=Exchange," + PrivateSlapd.SUFFIX;

  @TempDir static Path folder;

  private static PrivateSlapd slapd;
  private static final MapSecretStore secrets = new MapSecretStore();
  private static SecretRef readerPassword;

  @BeforeAll
  static void startSlapd() {
    slapd = PrivateSlapd.start(folder.resolve("slapd"), "/slapd/contoso.ldif");
    readerPassword = secrets.put("reader", PrivateSlapd.READER_PASSWORD);
  }

  @AfterAll
  static void stopSlapd() {
    if (slapd != null) {
      slapd.close();
    }
  }

  @Test
  void readsExchangeRecipientsWithTheirAddressesOverStartTls() {
    Discovery discovery = trusting().read(query(slapd.ldapUrl(), EXCHANGE, false));

    Map<String, Recipient> byAddress = byPrimary(discovery);
    assertThat(byAddress)
        .containsOnlyKeys(
            "anna@contoso.test",
            "bo@contoso.test",
            "info@contoso.test",
            "room1@contoso.test",
            "sales@contoso.test",
            "support@fabrikam.test");
    Recipient anna = byAddress.get("anna@contoso.test");
    assertThat(anna.kind()).isEqualTo(RecipientKind.USER_MAILBOX);
    assertThat(anna.displayName()).isEqualTo("Anna Jensen");
    assertThat(anna.aliases()).containsExactly("anna.jensen@contoso.test");
    assertThat(anna.x500())
        .containsExactly(
            "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=anna-old");
    assertThat(anna.legacyExchangeDn())
        .isEqualTo(
            "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=anna");
    assertThat(byAddress.get("bo@contoso.test").disabled()).isTrue();
    Recipient info = byAddress.get("info@contoso.test");
    assertThat(info.kind()).isEqualTo(RecipientKind.SHARED_MAILBOX);
    assertThat(info.aliases()).containsExactly("kontakt@contoso.test");
    assertThat(info.owners()).containsExactly("anna@contoso.test");
    assertThat(byAddress.get("room1@contoso.test").kind()).isEqualTo(RecipientKind.ROOM_MAILBOX);
    Recipient sales = byAddress.get("sales@contoso.test");
    assertThat(sales.kind()).isEqualTo(RecipientKind.DISTRIBUTION_GROUP);
    assertThat(sales.aliases()).containsExactly("salg@contoso.test");
    assertThat(sales.members()).containsExactly("anna@contoso.test", "bo@contoso.test");
    assertThat(sales.owners()).containsExactly("anna@contoso.test");
    Recipient contact = byAddress.get("support@fabrikam.test");
    assertThat(contact.kind()).isEqualTo(RecipientKind.MAIL_CONTACT);
    assertThat(contact.externalAddress()).isEqualTo("support@fabrikam.test");
    assertThat(contact.aliases()).containsExactly("fabrikam-support@contoso.test");
    assertThat(discovery.skipped())
        .extracting(SkippedEntry::reason)
        .containsExactly(ExclusionReason.SYSTEM_MAILBOX);
  }

  @Test
  void proposesTheEnabledUserAndSharedMailboxesAndSaysWhyTheOthersAreLeftOut() {
    Discovery discovery = trusting().read(query(slapd.ldapsUrl(), EXCHANGE, false));

    BatchProposal proposal = BatchProposal.of(discovery, "contoso.test");

    assertThat(proposal.mailboxes())
        .extracting(Recipient::primaryAddress)
        .containsExactlyInAnyOrder("anna@contoso.test", "info@contoso.test");
    assertThat(
            proposal.excluded().stream()
                .collect(
                    Collectors.toMap(BatchProposal.Excluded::name, BatchProposal.Excluded::reason)))
        .containsEntry("bo@contoso.test", ExclusionReason.DISABLED)
        .containsEntry("room1@contoso.test", ExclusionReason.ROOM_MAILBOX)
        .containsEntry("support@fabrikam.test", ExclusionReason.NO_MAILBOX)
        .hasSize(4);
  }

  @Test
  void readsAPlainDirectoryByItsMailAttributesWhenPlaintextIsAllowed() {
    Discovery discovery =
        trusting().read(query(slapd.ldapUrl(), "ou=Plain," + PrivateSlapd.SUFFIX, true));

    Map<String, Recipient> byAddress = byPrimary(discovery);
    assertThat(byAddress.get("carl@contoso.test").kind()).isEqualTo(RecipientKind.USER_MAILBOX);
    assertThat(byAddress.get("carl@contoso.test").displayName()).isEqualTo("Carl Berg");
    assertThat(byAddress.get("team@contoso.test").kind())
        .isEqualTo(RecipientKind.DISTRIBUTION_GROUP);
    assertThat(byAddress.get("team@contoso.test").members()).containsExactly("carl@contoso.test");
  }

  @Test
  void refusesAServerWhoseCertificateItDoesNotTrust() {
    DirectoryReader jvmTrustOnly =
        new DirectoryReader(
            secrets, new DirectoryProperties(null, Duration.ofSeconds(10), 500, 100));

    assertThatThrownBy(() -> jvmTrustOnly.read(query(slapd.ldapUrl(), EXCHANGE, false)))
        .isInstanceOf(DirectoryProblem.class)
        .hasMessageContaining("securely")
        .extracting(problem -> ((DirectoryProblem) problem).field())
        .isEqualTo("$.url");
  }

  @Test
  void aWrongPasswordIsNamedAsTheCredentialsProblem() {
    SecretRef wrong = secrets.put("wrong", "not-the-password");
    DirectoryQuery query =
        new DirectoryQuery(
            URI.create(slapd.ldapUrl()), PrivateSlapd.READER_DN, wrong, EXCHANGE, null, false);

    assertThatThrownBy(() -> trusting().read(query))
        .isInstanceOf(DirectoryProblem.class)
        .extracting(problem -> ((DirectoryProblem) problem).field())
        .isEqualTo("$.credentialId");
  }

  @Test
  void aBaseDnThatDoesNotExistIsNamed() {
    assertThatThrownBy(
            () ->
                trusting().read(query(slapd.ldapUrl(), "ou=Nowhere," + PrivateSlapd.SUFFIX, false)))
        .isInstanceOf(DirectoryProblem.class)
        .hasMessageContaining("ou=Nowhere")
        .extracting(problem -> ((DirectoryProblem) problem).field())
        .isEqualTo("$.baseDn");
  }

  private static DirectoryReader trusting() {
    return new DirectoryReader(
        secrets, new DirectoryProperties(slapd.certificate(), Duration.ofSeconds(10), 2, 100));
  }

  private static DirectoryQuery query(String url, String base, boolean allowPlaintext) {
    return new DirectoryQuery(
        URI.create(url), PrivateSlapd.READER_DN, readerPassword, base, null, allowPlaintext);
  }

  private static Map<String, Recipient> byPrimary(Discovery discovery) {
    return discovery.recipients().stream()
        .collect(Collectors.toMap(Recipient::primaryAddress, Function.identity()));
  }
}
