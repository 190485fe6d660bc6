/**
 * The administrator's mail at each milestone of a migration (initial sync done, switch done,
 * migration completed or cancelled): a short summary in the migration's language with the report
 * attached, sent once per milestone (table {@code milestone_mail}).
 */
package org.cutover.migration.milestones;
