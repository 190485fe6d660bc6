/**
 * Provisioning at the target before the first sync: every recipient of the migration (shared, room
 * and equipment mailboxes, aliases and X500 addresses, groups with their members, contacts, mail
 * users) made to exist at the target. For Microsoft 365, what Graph cannot write becomes an
 * idempotent Exchange Online PowerShell script for exactly what is missing, verified through Graph
 * after the administrator ran it; for an IMAP host, the addresses to create are listed per mailbox
 * and proven later at the new MX.
 */
package org.cutover.migration.provisioning;
