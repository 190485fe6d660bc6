package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.UserLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Send the welcome letter" to every migrated user, each once. */
@Component("sendWelcomeLetter")
class SendWelcomeLetter extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(SendWelcomeLetter.class);

  private final ObjectProvider<UserLetters> letters;

  SendWelcomeLetter(ObjectProvider<UserLetters> letters) {
    this.letters = letters;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    Capabilities.require(letters, "letter capability (SMTP)", UserLetters.class)
        .sendWelcomeLetter(migrationId);
    log.info("Migration {}: welcome letter sent", migrationId);
  }
}
