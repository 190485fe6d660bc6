/**
 * The {@code sync} command line: one-off and benchmark runs of the mail sync engine without the
 * application, its engine or its web server. A JSON spec names the two endpoints, the mailbox pairs
 * and the options; passwords and tokens come only from files or environment variables; the UID
 * state lives in the folder the spec names (a journal file per mailbox pair), so running the
 * command again is an incremental sync.
 */
package org.cutover.cli;
