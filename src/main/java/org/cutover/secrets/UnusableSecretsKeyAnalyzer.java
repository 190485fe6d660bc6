package org.cutover.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or unusable secrets key into a start-up message that says what to set. */
class UnusableSecretsKeyAnalyzer extends AbstractFailureAnalyzer<UnusableSecretsKey> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnusableSecretsKey cause) {
    return new FailureAnalysis(
        cause.problem(),
        SecretsKey.HOW_TO_GENERATE
            + " To try Cutover out, run the demo from its source instead:"
            + " ./mvnw spring-boot:run -Dspring-boot.run.profiles=demo (README.md, \"Run it\").",
        cause);
  }
}
