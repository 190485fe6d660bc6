/**
 * The migration: its settings, endpoints, batch and per-mailbox status, stored in our own tables
 * (Flyway). Also the runbook ports the process calls, one per capability ({@link
 * org.cutover.migration.DnsRunbook}, {@link org.cutover.migration.MailboxSyncEngine}, {@link
 * org.cutover.migration.TargetTenant}, {@link org.cutover.migration.UserLetters}): a capability is
 * configured when a bean implements its port, and a migration that needs a missing one is refused
 * when it is started, never faked.
 */
package org.cutover.migration;
