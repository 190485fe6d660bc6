package org.cutover.camunda;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing administrator account into a start-up message that says what to set. */
class MissingAdminAccountAnalyzer
    extends AbstractFailureAnalyzer<AdminAccountRequired.MissingAdminAccountException> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, AdminAccountRequired.MissingAdminAccountException cause) {
    return new FailureAnalysis(
        "Cutover needs an administrator account to protect Cockpit, Tasklist and its REST APIs,"
            + " and none is configured.",
        "Set camunda.bpm.admin-user.id and camunda.bpm.admin-user.password (for example the"
            + " environment variables CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD),"
            + " or try Cutover out from its source with the demo:"
            + " ./mvnw spring-boot:run -Dspring-boot.run.profiles=demo (README.md, \"Run it\").",
        cause);
  }
}
