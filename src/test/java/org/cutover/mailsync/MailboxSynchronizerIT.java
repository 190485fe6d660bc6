package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.Command;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.Fidelity;
import org.cutover.testsupport.kit.MailCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sync passes against two private Dovecot servers, checked with the test kit's fidelity comparison.
 */
class MailboxSynchronizerIT {

  @TempDir Path work;

  private final List<DovecotServer> servers = new ArrayList<>();
  private final MailboxSynchronizer synchronizer = new MailboxSynchronizer();
  private SyncOptions options =
      SyncOptions.defaults().toBuilder()
          .retry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200)))
          .build();
  private final SyncStateStore store = new InMemorySyncStateStore();

  @AfterEach
  void stopServers() {
    DovecotServer.stopAll(servers);
  }

  /** Danish special-use names and '.' as separator, like an old on-premises server. */
  private DovecotServer danishSource(int users) {
    DovecotServer s =
        DovecotServer.start(
            work.resolve("src"),
            DovecotOptions.defaults().danish().withSeparator('.').withUsers(users));
    servers.add(s);
    return s;
  }

  private DovecotServer englishTarget(int users) {
    DovecotServer s =
        DovecotServer.start(
            work.resolve("dst"), DovecotOptions.defaults().withSeparator('/').withUsers(users));
    servers.add(s);
    return s;
  }

  private SyncOutcome sync(String user, DovecotServer src, DovecotServer dst) {
    return synchronizer.sync(
        user, src.source(user), dst.target(user), options, store, SyncProgressListener.NONE);
  }

  private static SyncOutcome.Synced synced(SyncOutcome o) {
    assertThat(o).as(o.toString()).isInstanceOf(SyncOutcome.Synced.class);
    return (SyncOutcome.Synced) o;
  }

  private void assertIdentical(DovecotServer src, DovecotServer dst, String users) {
    Fidelity.Result c = Fidelity.compare(src.kit(), dst.kit(), users);
    assertThat(c.identical()).as(c.output()).isTrue();
  }

  @Test
  void copiesACorpusByteForByteIntoTheTargetsOwnSpecialFolders() {
    DovecotServer src = danishSource(2);
    DovecotServer dst = englishTarget(2);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(2, 150, 3));

    SyncOutcome.Synced first = synced(sync("user1", src, dst));
    synced(sync("user2", src, dst));

    assertThat(first.statistics().messagesCopied()).isEqualTo(150);
    assertThat(first.skippedItems()).isEmpty();
    assertIdentical(src, dst, "user1,user2");
    try (TestImap target = TestImap.open(dst, "user1")) {
      assertThat(target.subscribed())
          .contains("Sent", "Drafts", "Økonomi", "Kunder/Ærø", "Billeder 📷")
          .doesNotContain("Newsletters", "Sendt post", "Kladder");
    }
  }

  @Test
  void aFolderSubscribedOnTheSourceSinceTheLastPassIsSubscribedOnTheTarget() {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 40, 9));
    synced(sync("user1", src, dst));
    try (TestImap source = TestImap.open(src, "user1")) {
      source.command("SUBSCRIBE", "Newsletters");
    }

    synced(sync("user1", src, dst));

    try (TestImap target = TestImap.open(dst, "user1")) {
      assertThat(target.subscribed()).contains("Newsletters");
    }
  }

  @Test
  void rerunChangesNothing() {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 80, 5));
    synced(sync("user1", src, dst));

    SyncOutcome.Synced again = synced(sync("user1", src, dst));

    assertThat(again.statistics().messagesCopied()).isZero();
    assertThat(again.statistics().flagsUpdated()).isZero();
    assertThat(again.statistics().messagesMatched()).isZero();
    assertIdentical(src, dst, "user1");
  }

  @Test
  void incrementalPassCopiesOnlyTheNewMessages() {
    DovecotServer src = danishSource(2);
    DovecotServer dst = englishTarget(2);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(2, 100, 7));
    synced(sync("user1", src, dst));
    synced(sync("user2", src, dst));
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(2, 3, 7).round(1));

    SyncOutcome.Synced u1 = synced(sync("user1", src, dst));
    SyncOutcome.Synced u2 = synced(sync("user2", src, dst));

    assertThat(u1.statistics().messagesCopied()).isEqualTo(3);
    assertThat(u2.statistics().messagesCopied()).isEqualTo(3);
    assertIdentical(src, dst, "user1,user2");
  }

  @Test
  void bringsFlagChangesMadeOnTheSourceAcross() {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 60, 11));
    synced(sync("user1", src, dst));
    try (TestImap source = TestImap.open(src, "user1")) {
      List<SourceMessage> inbox = source.messages("INBOX");
      source.store("INBOX", inbox.get(0).uid(), "\\Flagged", true);
      source.store("INBOX", inbox.get(1).uid(), "\\Seen", false);
      source.store("INBOX", inbox.get(2).uid(), "$label9 \\Answered", true);
    }

    SyncOutcome.Synced after = synced(sync("user1", src, dst));

    assertThat(after.statistics().flagsUpdated()).isEqualTo(3);
    assertThat(after.statistics().messagesCopied()).isZero();
    assertIdentical(src, dst, "user1");
  }

  @Test
  void rematchesWithoutDuplicatesWhenUidValidityChangesOnEitherSide() {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 120, 13));
    synced(sync("user1", src, dst));
    assertThat(
            src.doveadm("mailbox", "update", "--uid-validity", "4242", "-u", "user1", "INBOX")
                .exit())
        .isZero();
    assertThat(
            dst.doveadm("mailbox", "update", "--uid-validity", "4343", "-u", "user1", "Sent")
                .exit())
        .isZero();
    long inboxAndSent;
    try (TestImap source = TestImap.open(src, "user1")) {
      inboxAndSent = source.messages("INBOX").size() + source.messages("Sendt post").size();
    }

    SyncOutcome.Synced after = synced(sync("user1", src, dst));

    assertThat(after.statistics().messagesCopied()).isZero();
    assertThat(after.statistics().messagesMatched()).isEqualTo(inboxAndSent);
    assertIdentical(src, dst, "user1");
  }

  @Test
  void keepsMessagesThatAreOnTheSourceTwiceAsTwoCopies() {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    String raw =
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: twice\r\nMessage-ID: <twice@example.com>\r\n"
            + "Date: Mon, 3 Mar 2025 10:00:00 +0100\r\n\r\nSame bytes, same date.\r\n";
    try (TestImap source = TestImap.open(src, "user1")) {
      source.append("INBOX", raw, "\\Seen", "03-Mar-2025 10:00:00 +0100");
      source.append("INBOX", raw, "\\Seen", "03-Mar-2025 10:00:00 +0100");
      source.append("INBOX", raw, "\\Seen", "03-Mar-2025 10:00:00 +0100");
    }

    synced(sync("user1", src, dst));
    store.deleteMailbox("user1"); // forget the UIDs: the next pass must re-match by fingerprint
    SyncOutcome.Synced rematched = synced(sync("user1", src, dst));

    assertThat(rematched.statistics().messagesMatched()).isEqualTo(3);
    assertThat(rematched.statistics().messagesCopied()).isZero();
    try (TestImap target = TestImap.open(dst, "user1")) {
      assertThat(target.messages("INBOX")).hasSize(3);
    }
    assertIdentical(src, dst, "user1");
  }

  @Test
  void keepsOddFolderNamesApartOnATargetWithTheOtherSeparator() {
    DovecotServer src =
        DovecotServer.start(
            work.resolve("src"),
            DovecotOptions.defaults()
                .withSeparator('/')
                .withFormat(DovecotOptions.MailFormat.SDBOX));
    servers.add(src);
    DovecotServer dst =
        DovecotServer.start(
            work.resolve("dst"), DovecotOptions.defaults().withSeparator('.').withUsers(1));
    servers.add(dst);
    List<String> names =
        List.of(
            "Quote\"d",
            "Back\\slash",
            "Per%cent",
            "Star*",
            "Amp&Co",
            "&-",
            "Ελληνικά",
            "中文",
            "Emoji 🎉",
            " lead",
            "trail ",
            "dot.name",
            "dot_name",
            "Ghost/Child",
            "INBOX/Reports",
            "Reports",
            "Case",
            "case",
            "x".repeat(200));
    try (TestImap source = TestImap.open(src, "user1")) {
      for (String name : names) {
        source.create(name);
        source.append(
            name,
            "From: a@example.com\r\nSubject: in " + name + "\r\n\r\nbody\r\n",
            "\\Seen",
            "14-Nov-2023 22:13:20 +0000");
      }
    }

    SyncOutcome.Synced first = synced(sync("user1", src, dst));

    assertThat(first.statistics().messagesCopied()).isEqualTo(names.size());
    assertThat(first.notes()).anyMatch(n -> n.contains("'dot_name (2)'"));
    Fidelity.Result c = Fidelity.compare(src.kit(), dst.kit(), "user1", "dot.name=dot_name (2)");
    assertThat(c.identical()).as(c.output()).isTrue();
  }

  @Test
  void saysSoWhenAFolderUsesMoreKeywordsThanAMaildirTargetKeepsInItsFiles() {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    try (TestImap source = TestImap.open(src, "user1")) {
      for (int i = 0; i < 30; i++) {
        source.append(
            "INBOX",
            "From: a@example.com\r\nSubject: keyword " + i + "\r\n\r\nbody\r\n",
            "\\Seen kw" + i,
            "03-Mar-2025 10:00:00 +0100");
      }
    }

    SyncOutcome.Synced first = synced(sync("user1", src, dst));

    assertThat(first.notes()).anyMatch(n -> n.contains("'INBOX' uses 30 different keywords"));
    assertIdentical(src, dst, "user1");
  }

  @Test
  void logsInAsAnAdministratorActingForEachUser() {
    DovecotServer src = danishSource(2);
    DovecotServer dst = englishTarget(2);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(2, 40, 17));
    SecretSupplier adminPassword = () -> "admin-pass".toCharArray();

    for (String user : List.of("user1", "user2")) {
      SyncOutcome o =
          synchronizer.sync(
              user,
              new SourceAccount(src.plaintext(), ImapLogin.delegated(user, "admin", adminPassword)),
              new TargetAccount(dst.plaintext(), ImapLogin.delegated(user, "admin", adminPassword)),
              options,
              store,
              SyncProgressListener.NONE);
      assertThat(synced(o).statistics().messagesCopied()).isEqualTo(40);
    }
    assertIdentical(src, dst, "user1,user2");
  }

  @Test
  void skipsAndReportsMessagesOverTheSizeLimit() {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 150, 19));
    long limit = 200_000;
    long larger;
    try (TestImap source = TestImap.open(src, "user1")) {
      larger =
          List.of("INBOX", "Sendt post", "Kladder", "Arkiv", "Slettet post", "Uønsket mail")
              .stream()
              .flatMap(f -> source.messages(f).stream())
              .filter(m -> m.size() > limit)
              .count();
    }
    options =
        options.toBuilder()
            .maxMessageBytes(limit)
            .excludedFolders(
                List.of(
                    "Projects*",
                    "Kunder*",
                    "Økonomi",
                    "Réunions",
                    "Family*",
                    "Billeder*",
                    "Newsletters"))
            .build();

    SyncOutcome.Synced o = synced(sync("user1", src, dst));

    assertThat(larger).isPositive();
    assertThat(o.skippedItems())
        .hasSize((int) larger)
        .allSatisfy(i -> assertThat(i.reason()).isEqualTo(SkippedItem.Reason.TOO_LARGE));
    assertThat(o.skippedFolders())
        .extracting(SkippedFolder::folder)
        .contains("Økonomi", "Projects/2024/Q1");
    assertThat(o.withSkips()).isTrue();
  }

  @Test
  void reportsMessagesTheTargetRefusesAndFailsPastTheBadItemLimit() throws Exception {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 30, 23));
    // Dovecot serves an empty file in a maildir but refuses to store a zero-byte message.
    Path cur = src.dir().resolve("mail/user1/Maildir/cur");
    UserPrincipalLookupService users = cur.getFileSystem().getUserPrincipalLookupService();
    for (int i = 1; i <= 2; i++) {
      Path empty = Files.createFile(cur.resolve("1700000000.M" + i + "P1.empty,S=0:2,S"));
      Files.setOwner(empty, users.lookupPrincipalByName("dovecot"));
    }
    try (TestImap t = TestImap.open(src, "user1")) {
      t.create("Sent"); // "Sendt post" becomes the target's Sent: this one is renamed, with a note
    }

    SyncOutcome tolerated = sync("user1", src, dst);
    options = options.toBuilder().badItemLimit(0).build();
    store.deleteMailbox("user1");
    SyncOutcome failed = sync("user1", src, dst);

    SyncOutcome.Synced s = synced(tolerated);
    assertThat(s.skippedItems())
        .hasSize(2)
        .allSatisfy(i -> assertThat(i.reason()).isEqualTo(SkippedItem.Reason.REJECTED_BY_TARGET));
    assertThat(s.statistics().messagesRejected()).isEqualTo(2);
    assertThat(failed).isInstanceOf(SyncOutcome.Failed.class);
    assertThat(((SyncOutcome.Failed) failed).problem()).contains("bad-item limit of 0");
    assertThat(failed.notes())
        .anyMatch(n -> n.contains("Folder 'Sent'") && n.contains("is named 'Sent (2)'"));
  }

  @Test
  void copiesOnALaterPassAnOlderMessageSkippedBeforeWhileReadingOnlyChangedFlags() {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 40, 37));
    synced(sync("user1", src, dst)); // clean: the source's HIGHESTMODSEQ is kept
    String big =
        "From: a@example.com\r\nSubject: big\r\nMessage-ID: <big@example.com>\r\n\r\n"
            + "x".repeat(300_000)
            + "\r\n";
    String small =
        "From: a@example.com\r\nSubject: small\r\nMessage-ID: <small@example.com>\r\n\r\nhi\r\n";
    try (TestImap source = TestImap.open(src, "user1")) {
      source.append("INBOX", big, "\\Seen", "03-Mar-2025 10:00:00 +0100");
      source.append("INBOX", small, "", "03-Mar-2025 10:01:00 +0100");
    }
    SyncOptions unlimited = options;
    options = options.toBuilder().maxMessageBytes(200_000).build();
    SyncOutcome.Synced limited = synced(sync("user1", src, dst)); // the big one stays behind
    List<SourceMessage> inbox;
    try (TestImap source = TestImap.open(src, "user1")) {
      inbox = source.messages("INBOX");
      source.store("INBOX", inbox.get(0).uid(), "\\Flagged", true);
      source.expunge("INBOX", inbox.get(1).uid());
    }
    options = unlimited.toBuilder().deletedOnSource(DeletedOnSource.DELETE_ON_TARGET).build();

    SyncOutcome.Synced later = synced(sync("user1", src, dst));

    assertThat(limited.skippedItems()).hasSize(1);
    assertThat(limited.statistics().messagesCopied()).isEqualTo(1);
    assertThat(later.statistics().messagesCopied()).isEqualTo(1);
    assertThat(later.statistics().flagsUpdated()).isEqualTo(1);
    assertThat(later.statistics().deletedOnTarget()).isEqualTo(1);
    assertIdentical(src, dst, "user1");
  }

  @Test
  void keepsCopiesOfDeletedMessagesUnlessToldToDeleteThem() {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 60, 29));
    synced(sync("user1", src, dst));
    try (TestImap source = TestImap.open(src, "user1")) {
      source.expunge("INBOX", source.messages("INBOX").get(0).uid());
    }

    synced(sync("user1", src, dst));
    Fidelity.Result kept = Fidelity.compare(src.kit(), dst.kit(), "user1");
    try (TestImap source = TestImap.open(src, "user1")) {
      source.expunge("INBOX", source.messages("INBOX").get(0).uid());
    }
    options = options.toBuilder().deletedOnSource(DeletedOnSource.DELETE_ON_TARGET).build();
    SyncOutcome.Synced deleting = synced(sync("user1", src, dst));

    assertThat(kept.extra()).isEqualTo(1);
    assertThat(kept.missing()).isZero();
    assertThat(deleting.statistics().deletedOnTarget()).isEqualTo(1);
    Fidelity.Result after = Fidelity.compare(src.kit(), dst.kit(), "user1");
    assertThat(after.extra()).as(after.output()).isEqualTo(1); // the first one was kept on purpose
    assertThat(after.missing()).isZero();
  }

  @Test
  void streamsA100MegabyteMessageWithA256MegabyteHeap() throws Exception {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 5, 31).withBigMessage(100));
    Path spool = Files.createDirectories(work.resolve("spool"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Command.Run run =
        Command.run(
            List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                LargeMessageRun.class.getName(),
                Integer.toString(src.port()),
                Integer.toString(dst.port()),
                "user1",
                spool.toString()),
            Duration.ofMinutes(20));

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("max heap: 2");
    assertIdentical(src, dst, "user1");
    try (var left = Files.list(spool)) {
      assertThat(left).isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|MULTIAPPEND",
        "''|MULTIAPPEND,LITERAL+",
        "''|UIDPLUS",
        "CONDSTORE,LIST-STATUS,LIST-EXTENDED|''",
        "ESEARCH|''"
      })
  void staysFaithfulWithoutOptionalExtensions(String sourceOff, String targetOff) {
    DovecotServer src = danishSource(1);
    DovecotServer dst = englishTarget(1);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, 70, 59));
    SecretSupplier pw = () -> "pass-user1".toCharArray();
    SourceAccount source =
        new SourceAccount(
            src.plaintext().toBuilder()
                .disabledExtensions(sourceOff.isEmpty() ? new String[0] : sourceOff.split(","))
                .build(),
            ImapLogin.password("user1", pw));
    TargetAccount target =
        new TargetAccount(
            dst.plaintext().toBuilder()
                .disabledExtensions(targetOff.isEmpty() ? new String[0] : targetOff.split(","))
                .build(),
            ImapLogin.password("user1", pw));

    SyncOutcome.Synced first =
        synced(
            synchronizer.sync("user1", source, target, options, store, SyncProgressListener.NONE));
    try (TestImap s = TestImap.open(src, "user1")) {
      s.store("INBOX", s.messages("INBOX").get(0).uid(), "\\Flagged $label7", true);
    }
    SyncOutcome.Synced second =
        synced(
            synchronizer.sync("user1", source, target, options, store, SyncProgressListener.NONE));
    SyncOutcome.Synced third =
        synced(
            synchronizer.sync("user1", source, target, options, store, SyncProgressListener.NONE));

    assertThat(first.statistics().messagesCopied()).isEqualTo(70);
    assertThat(second.statistics().flagsUpdated()).isEqualTo(1);
    assertThat(second.statistics().messagesCopied()).isZero();
    assertThat(third.statistics().messagesCopied() + third.statistics().flagsUpdated()).isZero();
    assertIdentical(src, dst, "user1");
  }
}
