package org.cutover.migration.logins;

import java.util.Locale;
import java.util.Optional;
import org.cutover.migration.EndpointRole;
import org.cutover.migration.StepNeedsAdministrator;

/**
 * A server refused the login of a running migration: only a new password or secret helps. The
 * message starts with a fixed phrase that names the endpoint, so that the failure is still known as
 * a refused login where only its text travels (an external task's error message, an incident); the
 * rest is what the server answered, never a secret.
 */
public final class LoginRefused extends StepNeedsAdministrator {

  private static final String PREFIX = "Login refused by the %s: ";

  private final EndpointRole side;

  private LoginRefused(EndpointRole side, String message) {
    super(message);
    this.side = side;
  }

  /**
   * @param side the endpoint that refused
   * @param answer what the server answered, naming the server and the user, never a secret
   */
  public static LoginRefused by(EndpointRole side, String answer) {
    return new LoginRefused(
        side,
        String.format(PREFIX, name(side))
            + answer
            + " Give a new password or secret in the task 'Replace the refused login and retry'"
            + " or with PUT /api/migrations/{id}/credentials/"
            + name(side)
            + ".");
  }

  public EndpointRole side() {
    return side;
  }

  /** The endpoint a refused login's message names, or empty for any other message. */
  public static Optional<EndpointRole> sideNamedIn(String message) {
    if (message == null) {
      return Optional.empty();
    }
    for (EndpointRole side : EndpointRole.values()) {
      if (message.startsWith(String.format(PREFIX, name(side)))) {
        return Optional.of(side);
      }
    }
    return Optional.empty();
  }

  /** The endpoint as the API's path names it: source or target. */
  public static String name(EndpointRole side) {
    return side.name().toLowerCase(Locale.ROOT);
  }
}
