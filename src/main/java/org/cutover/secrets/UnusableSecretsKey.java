package org.cutover.secrets;

/**
 * The secrets key is missing or cannot be used; {@link UnusableSecretsKeyAnalyzer} turns it into a
 * start-up message. The message names where the key came from, never the key.
 */
final class UnusableSecretsKey extends IllegalStateException {

  private final String problem;

  UnusableSecretsKey(String problem, Throwable cause) {
    super(problem + " " + SecretsKey.HOW_TO_GENERATE, cause);
    this.problem = problem;
  }

  /** What is wrong with the key, without the advice on making one. */
  String problem() {
    return problem;
  }
}
