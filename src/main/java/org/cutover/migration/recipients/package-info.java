/**
 * The recipients of a migration: every address its domain receives mail at (mailboxes, shared, room
 * and equipment mailboxes, groups, contacts, mail users, with aliases and X500 addresses), stored
 * from a directory discovery or from the mailbox list, and read by the steps that must know them
 * (the check at the new mail exchanger, letters to shared mailboxes' owners).
 */
package org.cutover.migration.recipients;
