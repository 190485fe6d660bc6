/**
 * The demo profile's in-process world: an IMAP source and an IMAP target (GreenMail) seeded with
 * the mailboxes of the demo domain, an SMTP server that keeps every letter it receives, and the
 * line that tells a newcomer what to run. Nothing here exists outside the {@code demo} profile.
 */
package org.cutover.demo;
