package org.cutover.process;

import static org.cutover.process.ProcessVariables.CUT_OVER_REACHED_AT;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.SWITCH_BLOCKERS;
import static org.cutover.process.ProcessVariables.SWITCH_READINESS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Check the batch is ready to switch", when the planned time has come: READY when nothing stands
 * in the way, NOT_DUE when the time was moved later meanwhile (the model waits again), BLOCKED with
 * the reasons in {@code switchBlockers} when a mailbox still fails its sync or the cut-over could
 * begin only after the time users were told (licences or the initial sync were not finished).
 */
@Component("checkSwitchReadiness")
class CheckSwitchReadiness extends RunbookStep {

  static final String READY = "READY";
  static final String NOT_DUE = "NOT_DUE";
  static final String BLOCKED = "BLOCKED";

  /** A cut-over reached within this after the planned time still counts as on time. */
  static final Duration ON_TIME = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(CheckSwitchReadiness.class);

  private final SwitchSchedule schedule;

  CheckSwitchReadiness(SwitchSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    Optional<PlannedSwitch> planned = schedule.planned(migrationId);
    Instant now = EngineClock.now();
    if (planned.isPresent() && planned.get().at().isAfter(now)) {
      SWITCH_READINESS.set(execution, NOT_DUE);
      log.info("Migration {}: switch moved to {}, waiting again", migrationId, planned.get().at());
      return;
    }
    List<String> blockers = new ArrayList<>(schedule.blockers(migrationId));
    String reached = CUT_OVER_REACHED_AT.get(execution);
    if (planned.isPresent()
        && reached != null
        && Instant.parse(reached).isAfter(planned.get().at().plus(ON_TIME))) {
      blockers.add(
          "The cut-over could begin only at "
              + reached
              + " (licences or the initial sync were not finished), after the planned switch "
              + planned.get().local()
              + " that users were told; swap now, or postpone to a new time (users get an"
              + " update letter)");
    }
    SWITCH_BLOCKERS.set(execution, String.join("\n", blockers));
    SWITCH_READINESS.set(execution, blockers.isEmpty() ? READY : BLOCKED);
    if (blockers.isEmpty()) {
      log.info("Migration {}: ready to swap MX at the planned switch", migrationId);
    } else {
      log.warn("Migration {}: not swapping MX at the planned switch: {}", migrationId, blockers);
    }
  }
}
