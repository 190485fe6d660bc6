package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exchange's administrator login strings against a Dovecot whose passdb takes admin&#92;userK,
 * CUTOVER&#92;admin&#92;userK and CUTOVER/admin/userK with the admin's password and opens userK's
 * mailbox: the client sends them with LOGIN and ends up in the user's mailbox.
 */
class AdminLoginStringIT {

  @TempDir static Path work;

  private static DovecotServer server;
  private static final SecretSupplier ADMIN = () -> "admin-pass".toCharArray();
  private final EndpointTester tester = new EndpointTester();

  @BeforeAll
  static void start() {
    server =
        DovecotServer.start(
            work.resolve("srv"), DovecotOptions.defaults().withUsers(2).withLoginStrings());
    try (TestImap user1 = TestImap.open(server, "user1")) {
      for (int i = 1; i <= 3; i++) {
        user1.append(
            "INBOX",
            "Subject: " + i + "\r\nMessage-ID: <" + i + "@login.test>\r\n\r\nbody " + i + "\r\n",
            "",
            null);
      }
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private EndpointCheck.Passed passed(EndpointCheck check) {
    assertThat(check).as(check.toString()).isInstanceOf(EndpointCheck.Passed.class);
    return (EndpointCheck.Passed) check;
  }

  @Test
  void opensTheUsersMailboxWithAdminBackslashUser() {
    EndpointCheck check =
        tester.test(
            new SourceAccount(
                server.plaintext(), ImapLogin.adminLoginString("user1", "admin", ADMIN), "user1"));

    assertThat(passed(check).messagesInInbox()).isEqualTo(3);
  }

  @Test
  void opensTheUsersMailboxWithDomainBackslashAdminBackslashUser() {
    EndpointCheck check =
        tester.test(
            new SourceAccount(
                server.plaintext(),
                ImapLogin.adminLoginString("user1", "CUTOVER\\admin", ADMIN),
                "user1"));

    assertThat(passed(check).messagesInInbox()).isEqualTo(3);
  }

  @Test
  void opensTheUsersMailboxWithDomainSlashAdminSlashUser() {
    EndpointCheck check =
        tester.test(
            new SourceAccount(
                server.plaintext(),
                ImapLogin.adminLoginString("user1", "CUTOVER/admin", ADMIN),
                "user1"));

    assertThat(passed(check).messagesInInbox()).isEqualTo(3);
  }

  @Test
  void copiesAMailboxReadThroughALoginString() {
    SourceAccount source =
        new SourceAccount(
            server.plaintext(),
            ImapLogin.adminLoginString("user1", "CUTOVER/admin", ADMIN),
            "user1");
    TargetAccount target =
        new TargetAccount(
            server.plaintext(), ImapLogin.delegated("user2", "admin", ADMIN), "user2");

    SyncOutcome outcome =
        new MailboxSynchronizer()
            .sync(
                "user1-to-user2",
                source,
                target,
                SyncOptions.defaults(),
                new InMemorySyncStateStore(),
                SyncProgressListener.NONE);

    assertThat(outcome).as(outcome.toString()).isInstanceOf(SyncOutcome.Synced.class);
    assertThat(outcome.statistics().messagesCopied()).isEqualTo(3);
    try (TestImap user2 = TestImap.open(server, "user2")) {
      assertThat(user2.messages("INBOX")).hasSize(3);
    }
  }

  @Test
  void saysTheLoginStringWasRefusedWithAWrongPassword() {
    EndpointCheck check =
        tester.test(
            new SourceAccount(
                server.plaintext(),
                ImapLogin.adminLoginString("user1", "admin", () -> "wrong".toCharArray()),
                "user1"));

    assertThat(check).isInstanceOf(EndpointCheck.Failed.class);
    EndpointCheck.Failed failed = (EndpointCheck.Failed) check;
    assertThat(failed.problem()).isEqualTo(EndpointProblem.BAD_CREDENTIALS);
    assertThat(failed.message()).contains("Login string 'admin\\user1'").doesNotContain("wrong");
  }

  @Test
  void neverConnectsALoginStringForAnotherUsersMailbox() {
    EndpointCheck check =
        tester.test(
            new SourceAccount(
                server.plaintext(), ImapLogin.adminLoginString("user2", "admin", ADMIN), "user1"));

    assertThat(check).isInstanceOf(EndpointCheck.Failed.class);
    assertThat(((EndpointCheck.Failed) check).problem()).isEqualTo(EndpointProblem.WRONG_MAILBOX);
  }
}
