package org.cutover.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cutover.mailsync.AccessTokenExpiry;
import org.cutover.secrets.SecretStore;

/**
 * Checks an XOAUTH2 access token given by hand (an endpoint's stored credential, which nothing
 * renews) before it is used: a token that says it expires (a JWT's {@code exp}) is refused for a
 * batch that it would not outlast, and once expired it stops the step with a message for the
 * administrator instead of failing every mailbox one by one.
 */
final class HandGivenTokens {

  private final SecretStore secrets;
  private final Clock clock;

  HandGivenTokens(SecretStore secrets, Clock clock) {
    this.secrets = secrets;
    this.clock = clock;
  }

  /**
   * @throws StepNeedsAdministrator when the endpoint's token expires within {@code needed}
   */
  void requireValidFor(StoredEndpoint endpoint, Duration needed) {
    if (endpoint.auth() != ImapAuth.XOAUTH2
        || endpoint.credential() == null
        || endpoint.tokenSource() != null) {
      // A token endpoint renews its tokens: the credential is its client secret.
      return;
    }
    Optional<Instant> expiry = AccessTokenExpiry.of(secrets.getString(endpoint.credential()));
    if (expiry.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String which =
        "The XOAUTH2 access token given for the "
            + endpoint.role().name().toLowerCase(java.util.Locale.ROOT)
            + " endpoint "
            + endpoint.host()
            + ":"
            + endpoint.port()
            + " of migration "
            + endpoint.migrationId();
    if (!expiry.get().isAfter(now)) {
      throw new StepNeedsAdministrator(
          which
              + " expired at "
              + expiry.get()
              + ", so no mailbox can log in with it: store a fresh token with POST"
              + " /api/credentials, replace the endpoint's credential, and retry the step");
    }
    if (expiry.get().isBefore(now.plus(needed))) {
      throw new StepNeedsAdministrator(
          which
              + " expires at "
              + expiry.get()
              + ", before the batch can finish (it must stay valid for "
              + needed.toHours()
              + " h, cutover.mailsync.hand-given-token-validity); nothing renews a token given by"
              + " hand: give a token that lasts the batch, or sign in with an app registration"
              + " whose tokens are renewed, then retry the step");
    }
  }
}
