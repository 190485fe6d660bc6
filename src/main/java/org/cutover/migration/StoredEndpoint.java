package org.cutover.migration;

import java.time.Instant;
import org.cutover.secrets.SecretRef;

/**
 * An IMAP endpoint as stored: connection settings and the reference of its credential (null once
 * the batch is deleted). {@code status} is NEW, READY (tested) or REMOVED.
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
    Instant testedAt) {}
