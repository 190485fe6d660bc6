package org.cutover.migration;

import java.time.Instant;
import org.cutover.secrets.SecretRef;

/**
 * An IMAP endpoint as stored: connection settings and the reference of its credential (null once
 * the batch is deleted). {@code status} is NEW, READY (tested) or REMOVED; {@code mailboxName} says
 * how an admin acting for a user names its mailbox, {@code allowLegacyTls} whether TLS 1.0/1.1 may
 * be spoken, {@code tokenSource} where renewed XOAUTH2 tokens come from (null: a token given by
 * hand).
 */
public record StoredEndpoint(
    String migrationId,
    EndpointRole role,
    String host,
    int port,
    ConnectionSecurity security,
    boolean allowPlaintext,
    ImapAuth auth,
    String adminUser,
    SecretRef credential,
    String testMailbox,
    int maxConcurrentMailboxes,
    String status,
    Instant testedAt,
    MailboxName mailboxName,
    boolean allowLegacyTls,
    ImapEndpoint.TokenSource tokenSource) {

  /** An endpoint whose XOAUTH2 token, if any, is given by hand. */
  public StoredEndpoint(
      String migrationId,
      EndpointRole role,
      String host,
      int port,
      ConnectionSecurity security,
      boolean allowPlaintext,
      ImapAuth auth,
      String adminUser,
      SecretRef credential,
      String testMailbox,
      int maxConcurrentMailboxes,
      String status,
      Instant testedAt,
      MailboxName mailboxName,
      boolean allowLegacyTls) {
    this(
        migrationId,
        role,
        host,
        port,
        security,
        allowPlaintext,
        auth,
        adminUser,
        credential,
        testMailbox,
        maxConcurrentMailboxes,
        status,
        testedAt,
        mailboxName,
        allowLegacyTls,
        null);
  }

  /** The user name the login names for the mailbox of {@code user} (an address or a login). */
  public String mailboxNameOf(String user) {
    return auth.actsForUser() ? mailboxName.of(user) : user;
  }
}
