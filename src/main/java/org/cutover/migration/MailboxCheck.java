package org.cutover.migration;

import java.time.Instant;

/**
 * What preflight found for one mailbox.
 *
 * @param emailAddress the mailbox
 * @param sourceFolders folders on the source, or null when it could not be read
 * @param sourceMessages messages on the source, or null
 * @param sourceBytes their size, or null
 * @param targetQuotaFree bytes the target's quota still allows, or null when it says no limit
 * @param problem what is wrong, in the migration's language; null when the mailbox is ready
 * @param excluded whether the administrator took it out of the batch
 * @param checkedAt when it was checked
 */
public record MailboxCheck(
    String emailAddress,
    Integer sourceFolders,
    Long sourceMessages,
    Long sourceBytes,
    Long targetQuotaFree,
    String problem,
    boolean excluded,
    Instant checkedAt) {

  public boolean failed() {
    return problem != null;
  }
}
