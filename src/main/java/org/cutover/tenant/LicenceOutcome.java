package org.cutover.tenant;

/** What became of giving one user a licence. */
public sealed interface LicenceOutcome {

  /** The user's address. */
  String address();

  /** The licence was assigned now. */
  record Assigned(String address) implements LicenceOutcome {}

  /** The user held the licence already; nothing was changed. */
  record AlreadyHeld(String address) implements LicenceOutcome {}

  /** The licence could not be assigned; {@code reason} says why and what to do. */
  record Failed(String address, String reason) implements LicenceOutcome {}
}
