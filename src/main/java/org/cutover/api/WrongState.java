package org.cutover.api;

/** The migration is not in a state where the requested action is possible. */
class WrongState extends RuntimeException {

  WrongState(String message, Throwable cause) {
    super(message, cause);
  }
}
