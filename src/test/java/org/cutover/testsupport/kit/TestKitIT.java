package org.cutover.testsupport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test kit itself: the corpus is the same on any server, and the comparison sees changes. */
class TestKitIT {

  @TempDir Path work;

  private final List<PrivateDovecot> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.parallelStream().forEach(PrivateDovecot::close);
  }

  private PrivateDovecot start(String name, DovecotOptions options) {
    PrivateDovecot s = PrivateDovecot.start(work.resolve(name), options);
    servers.add(s);
    return s;
  }

  @Test
  void theSameSeedGivesTheSameMailboxesWhateverTheServersNamesAndSeparator() {
    PrivateDovecot danish =
        start("a", DovecotOptions.defaults().withUsers(2).danish().withSeparator('.'));
    PrivateDovecot english =
        start(
            "b",
            DovecotOptions.defaults().withUsers(2).withFormat(DovecotOptions.MailFormat.SDBOX));

    MailCorpus.Summary one = MailCorpus.fill(danish, MailCorpus.Settings.of(2, 80, 4));
    MailCorpus.Summary two =
        MailCorpus.fill(
            "127.0.0.1",
            english.port(),
            false,
            KitLogin.authzid(PrivateDovecot.ADMIN, PrivateDovecot.ADMIN_PASSWORD),
            MailCorpus.Settings.of(2, 80, 4),
            1);

    assertThat(one.digest()).isEqualTo(two.digest());
    assertThat(one.messages()).isEqualTo(160);
    Fidelity.Result same = Fidelity.compare(danish, english, "user1,user2");
    assertThat(same.identical()).as(same.output()).isTrue();
    assertThat(same.messages()).isEqualTo(160);
    Fidelity.Result byName =
        Fidelity.compare(
            new Fidelity.Side("127.0.0.1", danish.port(), false, KitLogin.ownPassword()),
            new Fidelity.Side(
                "127.0.0.1",
                english.port(),
                false,
                KitLogin.masterUser(PrivateDovecot.ADMIN, PrivateDovecot.ADMIN_PASSWORD)),
            List.of("user1"),
            Fidelity.folderMap(),
            false,
            true);
    assertThat(byName.folderDiffs()).as(byName.output()).isPositive();
  }

  @Test
  void countsWhatACopyLostOrChanged() throws Exception {
    PrivateDovecot a = start("a", DovecotOptions.defaults().withUsers(1));
    PrivateDovecot b = start("b", DovecotOptions.defaults().withUsers(1).withTls());
    MailCorpus.fill(a, MailCorpus.Settings.of(1, 40, 9));
    MailCorpus.fill(b, MailCorpus.Settings.of(1, 40, 9));
    MailCorpus.fill(b, MailCorpus.Settings.of(1, 2, 9).round(1));
    assertThat(
            b.doveadm("flags", "add", "-u", "user1", "\\Flagged", "mailbox", "INBOX", "1").exit())
        .isZero();
    assertThat(b.doveadm("expunge", "-u", "user1", "mailbox", "Sent", "1").exit()).isZero();

    Fidelity.Result r =
        Fidelity.compare(
            Fidelity.Side.of(a),
            new Fidelity.Side("127.0.0.1", b.tlsPort(), true, KitLogin.ownPassword()),
            List.of("user1"),
            Fidelity.folderMap(),
            true,
            false);

    assertThat(r.identical()).isFalse();
    assertThat(r.extra()).as(r.output()).isEqualTo(2);
    assertThat(r.missing()).as(r.output()).isEqualTo(1);
    assertThat(r.flagDiffs()).as(r.output()).isEqualTo(1);
    assertThat(r.duplicates() + r.dateDiffs() + r.folderDiffs()).as(r.output()).isZero();
  }
}
