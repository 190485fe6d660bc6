/**
 * The administrator's dashboard under {@code /dashboard}: every migration (finished and cancelled
 * ones too) on a timeline of the runbook, a batch's mailboxes, a mailbox's reconciliation and
 * messages not copied, and charts, rendered on the server in English or Danish. It reads through
 * the queries of the REST API and the reports, changes nothing, and is shown only to an
 * administrator signed in to Camunda's webapps.
 */
package org.cutover.dashboard;
