package org.cutover.migration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cutover.mailsync.DeletedOnSource;
import org.cutover.mailsync.SyncOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How mailboxes are copied ({@code cutover.mailsync.*}).
 *
 * @param maxMessageSize larger messages are skipped and reported (Exchange Online takes 150 MB)
 * @param badItemLimit messages a target may reject before the mailbox fails
 * @param excludedFolders folder patterns never copied ('*' any part; Exchange's calendar, contacts,
 *     tasks, notes and journal do not travel over IMAP and are reported as not migrated)
 * @param deletedOnSource what happens on the target to a copied message later deleted on the source
 * @param parallelFolders folders of one mailbox copied at once
 * @param trustStore PEM file (or PKCS12/JKS) of extra certificates to trust, for servers with a
 *     private CA; none: the JVM's trusted authorities
 * @param spoolDirectory where messages too large for memory are staged; none: cutover-spool in the
 *     temporary directory. Files a killed node left there are deleted at its next start once they
 *     are six hours old (another node on the same host may still be using younger ones)
 * @param handGivenTokenValidity how long an XOAUTH2 access token given by hand (nothing renews it)
 *     must still be valid when its batch starts; a token that says it expires sooner (a JWT's exp)
 *     is refused with a message for the administrator
 * @param preflightStepTime how long one step of the mailbox preflight goes on opening mailboxes
 *     before it hands over to the next step; well within the engine's job lock (five minutes), so
 *     that a large batch's preflight is never taken for a dead node's and run twice at once
 */
@ConfigurationProperties("cutover.mailsync")
public record MailSyncProperties(
    @DefaultValue("150MB") DataSize maxMessageSize,
    @DefaultValue("50") int badItemLimit,
    List<String> excludedFolders,
    @DefaultValue("KEEP_ON_TARGET") DeletedOnSource deletedOnSource,
    @DefaultValue("4") int parallelFolders,
    Path trustStore,
    Path spoolDirectory,
    @DefaultValue("24h") Duration handGivenTokenValidity,
    @DefaultValue("60s") Duration preflightStepTime) {

  public MailSyncProperties {
    excludedFolders =
        excludedFolders == null
            ? SyncOptions.EXCHANGE_NON_MAIL_FOLDERS
            : List.copyOf(excludedFolders);
    if (handGivenTokenValidity == null) {
      handGivenTokenValidity = Duration.ofHours(24);
    }
    if (preflightStepTime == null) {
      preflightStepTime = Duration.ofSeconds(60);
    }
  }
}
