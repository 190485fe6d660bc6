package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.UserLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Send the licence reminder" to the administrator before the licence deadline. */
@Component("sendLicenceReminder")
class SendLicenceReminder extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(SendLicenceReminder.class);

  private final ObjectProvider<UserLetters> letters;

  SendLicenceReminder(ObjectProvider<UserLetters> letters) {
    this.letters = letters;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    Capabilities.require(letters, "letter capability (SMTP)", UserLetters.class)
        .sendLicenceReminder(migrationId);
    log.info("Migration {}: licence reminder sent", migrationId);
  }
}
