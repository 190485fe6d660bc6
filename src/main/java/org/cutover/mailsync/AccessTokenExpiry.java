package org.cutover.mailsync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an access token stops being valid, where the token says so itself: a JSON Web Token (three
 * base64url parts) with an {@code exp} claim, as Microsoft Entra ID and most OAuth servers issue.
 * An opaque token says nothing, and nothing is assumed. The token's signature is not checked: the
 * server does that; this only tells in advance that a token will be refused.
 */
public final class AccessTokenExpiry {

  private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})(?![\\d.])");

  private AccessTokenExpiry() {}

  /** The {@code exp} of a JWT, or empty for any other token. */
  public static Optional<Instant> of(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3 || parts[1].isEmpty()) {
      return Optional.empty();
    }
    String payload;
    try {
      payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    Matcher exp = EXP.matcher(payload);
    return exp.find()
        ? Optional.of(Instant.ofEpochSecond(Long.parseLong(exp.group(1))))
        : Optional.empty();
  }
}
