package org.cutover.cli;

/** The spec cannot be used as written; the message names the field and what to write instead. */
final class SpecProblem extends RuntimeException {

  SpecProblem(String message) {
    super(message);
  }
}
