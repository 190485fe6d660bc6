package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccessTokenExpiryTest {

  static String jwt(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }

  @Test
  void readsTheExpiryOfAJsonWebToken() {
    assertThat(
            AccessTokenExpiry.of(
                jwt("{\"aud\":\"https://outlook.office365.com\",\"exp\":1767225600}")))
        .contains(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void assumesNothingForAnOpaqueToken() {
    assertThat(AccessTokenExpiry.of("ya29.a0AfH6SMBopaque-token")).isEmpty();
    assertThat(AccessTokenExpiry.of("a.b.c")).isEmpty();
  }

  @Test
  void assumesNothingForAJwtWithoutExpiry() {
    assertThat(AccessTokenExpiry.of(jwt("{\"sub\":\"anna\"}"))).isEmpty();
  }
}
