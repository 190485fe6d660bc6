/**
 * The IMAP-to-IMAP sync engine: connects to a source and a target IMAP server, maps folders
 * (special-use roles, hierarchy separators, modified UTF-7 names), copies messages byte for byte
 * with their flags and INTERNALDATE, and keeps per-folder UID state behind {@link
 * org.cutover.mailsync.SyncStateStore} so that a rerun copies only what is new and a run killed at
 * any moment resumes without duplicates or losses.
 *
 * <p>Entry points: {@link org.cutover.mailsync.MailboxSynchronizer} (one mailbox pass) and {@link
 * org.cutover.mailsync.EndpointTester} (connection and rights check). The package depends on no
 * other package of the application and on no framework; it uses Angus Mail's IMAP provider.
 */
package org.cutover.mailsync;
