/**
 * Cutover's own REST API under {@code /api} (OpenAPI at {@code /v3/api-docs}): migrations, their
 * letters and stored credentials. Errors are RFC 9457 problem details; secrets are write-only.
 * Camunda's REST API stays at {@code /engine-rest}, behind its own filter.
 */
package org.cutover.api;
