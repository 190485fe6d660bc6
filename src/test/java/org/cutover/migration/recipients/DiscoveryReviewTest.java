package org.cutover.migration.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import org.cutover.demo.DemoDirectory;
import org.cutover.directory.DirectoryProperties;
import org.cutover.directory.DirectoryReader;
import org.cutover.secrets.SecretStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A discovery reviewed before a migration takes it: read from UnboundID's in-memory directory
 * holding the demo's contoso.test (the reading itself against slapd is DirectoryReaderIT's), stored
 * on the real schema (H2, migrated by Flyway), then accepted or discarded.
 */
@JdbcTest
@ActiveProfiles("test")
@Import({
  RecipientStore.class,
  BatchRecipients.class,
  DirectoryReader.class,
  DiscoveryReview.class,
  DiscoveryReviewTest.Setup.class
})
class DiscoveryReviewTest {

  static final String READER_PASSWORD = "reader-test-password";
  static DemoDirectory directory;

  @TestConfiguration
  @ComponentScan("org.cutover.secrets")
  static class Setup {
    @Bean
    DirectoryProperties directoryProperties() {
      return new DirectoryProperties(null, Duration.ofSeconds(10), 500, 20000);
    }
  }

  @BeforeAll
  static void startDirectory() {
    directory = DemoDirectory.start("127.0.0.1", 0, READER_PASSWORD);
  }

  @AfterAll
  static void stopDirectory() {
    directory.close();
  }

  @Autowired DiscoveryReview review;
  @Autowired RecipientStore store;
  @Autowired BatchRecipients batches;
  @Autowired SecretStore secrets;

  private DiscoveryReview.Request request(String password) {
    return new DiscoveryReview.Request(
        "Contoso.test",
        directory.url(),
        DemoDirectory.READER_DN,
        secrets.put("contoso.test directory reader", password).id(),
        DemoDirectory.BASE_DN,
        null,
        true);
  }

  @Test
  void aDiscoveryAwaitsItsReviewAndShowsTheProposedBatchInTheChosenLanguage() {
    String id = review.discover(request(READER_PASSWORD));

    assertThat(store.discovery(id).orElseThrow().awaitingReview()).isTrue();
    assertThat(store.newestUsable("contoso.test")).isEmpty();
    ReviewText danish = review.text(id, Locale.forLanguageTag("da"));
    assertThat(danish.proposedCount()).isEqualTo(4);
    assertThat(danish.proposed())
        .contains(
            "anna@contoso.test – Anna Jensen (brugerpostkasse; aliasser: anna.jensen@contoso.test)",
            "info@contoso.test – Contoso Info (delt postkasse; aliasser: kontakt@contoso.test)");
    assertThat(danish.excluded())
        .contains(
            "room1@contoso.test – Meeting room 1 (lokalepostkasse): et lokales kalender til"
                + " booking; adressen bevares, ingen post kopieres");
    assertThat(danish.groups())
        .isEqualTo("sales@contoso.test – Sales team (distributionsgruppe, 2 medlemmer)");
    assertThat(review.text(id, Locale.ENGLISH).excluded())
        .contains(
            "room1@contoso.test – Meeting room 1 (room mailbox): a room's calendar to book; its"
                + " address is kept, no mail is copied");
  }

  @Test
  void acceptingLeavesOutTheNamedMailboxesAndMakesTheDiscoveryUsable() {
    String id = review.discover(request(READER_PASSWORD));

    review.accept(id, "Bo@contoso.test,\n kontakt@contoso.test", "admin");

    StoredDiscovery accepted = store.discovery(id).orElseThrow();
    assertThat(accepted.awaitingReview()).isFalse();
    assertThat(accepted.reviewedBy()).isEqualTo("admin");
    assertThat(store.newestUsable("contoso.test")).contains(id);
    assertThat(batches.proposedMailboxes(id))
        .extracting(org.cutover.migration.MailboxEntry::emailAddress)
        .containsExactly("anna@contoso.test", "carl@contoso.test");
    assertThat(review.text(id, Locale.ENGLISH).excluded())
        .contains(
            "bo@contoso.test – Bo Hansen (user mailbox): left out by the administrator",
            "info@contoso.test – Contoso Info (shared mailbox): left out by the administrator");
    assertThatThrownBy(() -> review.accept(id, "", "admin"))
        .isInstanceOf(DiscoveryRefused.class)
        .hasMessageContaining("reviewed already");
  }

  @Test
  void anAddressThatIsNoProposedMailboxRefusesTheAcceptanceAndChangesNothing() {
    String id = review.discover(request(READER_PASSWORD));

    assertThatThrownBy(() -> review.accept(id, "bo@contoso.test room1@contoso.test", "admin"))
        .isInstanceOf(DiscoveryRefused.class)
        .hasMessage(
            "leaveOutMailboxes: room1@contoso.test is no mailbox of the proposed batch; give"
                + " addresses from its list / er ikke postkasser i den foreslåede batch; angiv"
                + " adresser fra listen");

    assertThat(store.discovery(id).orElseThrow().awaitingReview()).isTrue();
    assertThat(store.ofDiscovery(id))
        .filteredOn(r -> r.primaryAddress().equals("bo@contoso.test"))
        .extracting(StoredRecipient::excludedReason)
        .containsOnlyNulls();
  }

  @Test
  void aRefusedLoginIsSaidWithTheFieldAndNothingIsStored() {
    assertThatThrownBy(() -> review.discover(request("wrong-password")))
        .isInstanceOf(DiscoveryRefused.class)
        .hasMessageStartingWith("The directory could not be read / Kataloget kunne ikke læses:")
        .hasMessageContaining("refused the login of " + DemoDirectory.READER_DN);
  }

  @Test
  void aDiscardedDiscoveryIsGoneWithItsRecipients() {
    String id = review.discover(request(READER_PASSWORD));

    review.discard(id);

    assertThat(store.discovery(id)).isEmpty();
    assertThat(store.ofDiscovery(id)).isEmpty();
    assertThat(store.skipped(id)).isEmpty();
  }

  @Test
  void anUnknownCredentialOrAUrlThatIsNoLdapUrlIsRefusedBeforeTheDirectoryIsAsked() {
    DiscoveryReview.Request good = request(READER_PASSWORD);
    assertThatThrownBy(
            () ->
                review.discover(
                    new DiscoveryReview.Request(
                        good.domain(),
                        good.url(),
                        good.bindDn(),
                        "00000000-0000-0000-0000-000000000000",
                        good.baseDn(),
                        null,
                        true)))
        .hasMessageStartingWith("bindCredentialId: no credential is stored with this id");
    assertThatThrownBy(
            () ->
                review.discover(
                    new DiscoveryReview.Request(
                        good.domain(),
                        "https://dc1.contoso.test",
                        good.bindDn(),
                        good.credentialId(),
                        good.baseDn(),
                        null,
                        true)))
        .hasMessageStartingWith("directoryUrl: give ldaps://host:636 or ldap://host:389");
  }
}
