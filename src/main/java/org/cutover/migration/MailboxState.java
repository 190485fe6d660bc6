package org.cutover.migration;

import java.time.Instant;
import org.cutover.secrets.SecretRef;

/**
 * One mailbox of a batch and how its syncs went. Counts add up over all passes; {@code
 * lastSuccessfulSync} is when the last pass that succeeded started (mail that arrived before it is
 * copied). {@code sourcePassword} and {@code targetPassword} name the user's own stored passwords,
 * null when the endpoint's admin login opens the mailbox (or once the batch is deleted).
 */
public record MailboxState(
    String id,
    String migrationId,
    String emailAddress,
    String sourceLogin,
    String displayName,
    MailboxStatus status,
    Instant lastSuccessfulSync,
    long messagesCopied,
    long flagsUpdated,
    long messagesSkipped,
    long bytesCopied,
    String lastError,
    String targetLogin,
    SecretRef sourcePassword,
    SecretRef targetPassword) {

  /** A mailbox opened with the endpoints' admin logins. */
  public MailboxState(
      String id,
      String migrationId,
      String emailAddress,
      String sourceLogin,
      String displayName,
      MailboxStatus status,
      Instant lastSuccessfulSync,
      long messagesCopied,
      long flagsUpdated,
      long messagesSkipped,
      long bytesCopied,
      String lastError) {
    this(
        id,
        migrationId,
        emailAddress,
        sourceLogin,
        displayName,
        status,
        lastSuccessfulSync,
        messagesCopied,
        flagsUpdated,
        messagesSkipped,
        bytesCopied,
        lastError,
        null,
        null,
        null);
  }

  /** The user whose mailbox is read at the source: the source login, else the address. */
  public String sourceUser() {
    return sourceLogin != null ? sourceLogin : emailAddress;
  }

  /** The user whose mailbox is written at an IMAP target: the target login, else the address. */
  public String targetUser() {
    return targetLogin != null ? targetLogin : emailAddress;
  }
}
