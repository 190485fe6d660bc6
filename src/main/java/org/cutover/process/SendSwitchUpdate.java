package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.SWITCH_MOVE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.UserLetters;
import org.cutover.migration.schedule.SwitchSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Mail the new switch time" to every user, once per user for this move of the time; nothing when
 * the time has moved again since (the newer plan mails it) or the migration no longer switches.
 */
@Component("sendSwitchUpdate")
class SendSwitchUpdate extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(SendSwitchUpdate.class);

  private final ObjectProvider<UserLetters> letters;
  private final SwitchSchedule schedule;

  SendSwitchUpdate(ObjectProvider<UserLetters> letters, SwitchSchedule schedule) {
    this.letters = letters;
    this.schedule = schedule;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    int move = SWITCH_MOVE.require(execution);
    if (!schedule.stillAhead(migrationId, move)) {
      log.info(
          "Migration {}: switch update of move {} no longer holds, not sent", migrationId, move);
      return;
    }
    Capabilities.require(letters, "letter capability (SMTP)", UserLetters.class)
        .sendSwitchUpdate(migrationId, move);
    log.info("Migration {}: switch update (move {}) sent", migrationId, move);
  }
}
