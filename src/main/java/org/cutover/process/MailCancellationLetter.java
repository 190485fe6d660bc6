package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.LetterDesk;
import org.cutover.migration.UserLetters;
import org.cutover.migration.letters.UserLetterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Tell users the move is off" on cancel: users who were told that their mail moves hear that it
 * does not, each once. Nothing is sent when no announcement went out, or when the administrator
 * turned it off ({@code cutover.letters.cancellation-letter=false}) to tell users another way.
 */
@Component("mailCancellationLetter")
class MailCancellationLetter extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(MailCancellationLetter.class);

  private final ObjectProvider<UserLetters> letters;
  private final LetterDesk desk;
  private final boolean enabled;

  MailCancellationLetter(
      ObjectProvider<UserLetters> letters, LetterDesk desk, UserLetterSettings settings) {
    this.letters = letters;
    this.desk = desk;
    this.enabled = settings.cancellationLetter();
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    if (!desk.announced(migrationId)) {
      log.info("Migration {}: no user was told of the move; no cancellation letter", migrationId);
      return;
    }
    if (!enabled) {
      log.info(
          "Migration {}: cancellation letter turned off (cutover.letters.cancellation-letter);"
              + " users who got the announcement are not told by Cutover",
          migrationId);
      return;
    }
    Capabilities.require(letters, "letter capability (SMTP)", UserLetters.class)
        .sendCancellationLetter(migrationId);
    log.info("Migration {}: users told that the move is off", migrationId);
  }
}
