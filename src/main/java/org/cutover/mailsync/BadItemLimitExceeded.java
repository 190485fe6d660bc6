package org.cutover.mailsync;

/** More messages were refused by the target than the bad-item limit allows: the pass stops. */
final class BadItemLimitExceeded extends RuntimeException {
  BadItemLimitExceeded(String message) {
    super(message);
  }
}
