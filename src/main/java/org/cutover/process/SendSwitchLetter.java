package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.SWITCH_MOVE;

import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.UserLetters;
import org.cutover.migration.schedule.SwitchSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A letter about the planned switch, mailed to every user once per user for one move of the time,
 * and nothing when the time has moved again since (the newer plan mails its own) or the migration
 * no longer switches: "Mail the new switch time" ({@code sendSwitchUpdate}) and "Mail the switch
 * reminder" ({@code sendSwitchReminder}, {@code cutover.letters.switch-reminder-before} the
 * switch).
 */
class SendSwitchLetter extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(SendSwitchLetter.class);

  private final String letter;
  private final BiConsumer<UserLetters, SwitchMove> send;
  private final ObjectProvider<UserLetters> letters;
  private final SwitchSchedule schedule;

  SendSwitchLetter(
      String letter,
      BiConsumer<UserLetters, SwitchMove> send,
      ObjectProvider<UserLetters> letters,
      SwitchSchedule schedule) {
    this.letter = letter;
    this.send = send;
    this.letters = letters;
    this.schedule = schedule;
  }

  static SendSwitchLetter update(ObjectProvider<UserLetters> letters, SwitchSchedule schedule) {
    return new SendSwitchLetter(
        "switch update",
        (to, move) -> to.sendSwitchUpdate(move.migrationId(), move.number()),
        letters,
        schedule);
  }

  static SendSwitchLetter reminder(ObjectProvider<UserLetters> letters, SwitchSchedule schedule) {
    return new SendSwitchLetter(
        "switch reminder",
        (to, move) -> to.sendSwitchReminder(move.migrationId(), move.number()),
        letters,
        schedule);
  }

  @Override
  void run(DelegateExecution execution) {
    SwitchMove move =
        new SwitchMove(MIGRATION_ID.require(execution), SWITCH_MOVE.require(execution));
    if (!schedule.stillAhead(move.migrationId(), move.number())) {
      log.info(
          "Migration {}: {} of move {} no longer holds, not sent",
          move.migrationId(),
          letter,
          move.number());
      return;
    }
    send.accept(Capabilities.require(letters, "letter capability (SMTP)", UserLetters.class), move);
    log.info("Migration {}: {} (move {}) sent", move.migrationId(), letter, move.number());
  }

  /** One move of the planned switch time, the n-th since it was first planned. */
  record SwitchMove(String migrationId, int number) {}

  /** The two steps, under the names the process model calls them by. */
  @Configuration
  static class Steps {

    @Bean
    SendSwitchLetter sendSwitchUpdate(
        ObjectProvider<UserLetters> letters, SwitchSchedule schedule) {
      return update(letters, schedule);
    }

    @Bean
    SendSwitchLetter sendSwitchReminder(
        ObjectProvider<UserLetters> letters, SwitchSchedule schedule) {
      return reminder(letters, schedule);
    }
  }
}
