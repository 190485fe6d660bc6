/**
 * The runbook's meters for Micrometer: messages and bytes by outcome, passes by mode, outcome and
 * duration, mailboxes by status, servers' requests to slow down, DNS steps. Scraped in the
 * Prometheus format at {@code /actuator/prometheus} by an administrator (HTTP Basic, as {@code
 * /api}).
 */
package org.cutover.migration.metrics;
