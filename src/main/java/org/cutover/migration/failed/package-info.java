/**
 * The mailboxes whose initial copy failed after every try: listed with their errors for the
 * administrator's review, synced again, or taken out of the batch.
 */
package org.cutover.migration.failed;
