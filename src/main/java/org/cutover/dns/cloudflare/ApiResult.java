package org.cutover.dns.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;

/** What one Cloudflare API call gave, after rate-limit retries. */
sealed interface ApiResult {

  /** {@code success: true}: the envelope's {@code result} and {@code result_info}. */
  record Ok(JsonNode result, JsonNode resultInfo) implements ApiResult {}

  /** The token or its permissions were refused, or the request was invalid: needs the admin. */
  record Refused(String reason) implements ApiResult {}

  /** Rate limit exhausted, server error, network failure: may pass. */
  record Unavailable(String reason) implements ApiResult {}
}
