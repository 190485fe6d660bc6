package org.cutover.mailsync;

/** The pass's guard said stop: the whole pass ends before the write it was about to make. */
final class PassRevoked extends RuntimeException {

  PassRevoked(String reason) {
    super(reason, null, false, false);
  }
}
