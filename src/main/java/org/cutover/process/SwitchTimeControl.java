package org.cutover.process;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchSchedule;
import org.cutover.migration.schedule.SwitchTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets or moves a migration's planned switch and tells whoever waits for it: a runbook waiting for
 * the switch time arms its timer again ({@value #MOVED_MESSAGE}), and the letters about the time
 * are planned afresh ({@link SwitchLetterPlan}). The REST API, the Tasklist start form "Plan the
 * switch" and the task "Decide about the switch" all come through here.
 */
@Component
public class SwitchTimeControl {

  static final String MOVED_MESSAGE = "switchTimeMoved";

  private static final Logger log = LoggerFactory.getLogger(SwitchTimeControl.class);

  private final SwitchSchedule schedule;
  private final RuntimeService runtime;
  private final SwitchLetterPlan letters;

  SwitchTimeControl(SwitchSchedule schedule, ProcessEngine engine, SwitchLetterPlan letters) {
    this.schedule = schedule;
    this.runtime = engine.getRuntimeService();
    this.letters = letters;
  }

  public Optional<PlannedSwitch> planned(String migrationId) {
    return schedule.planned(migrationId);
  }

  /**
   * Checks and stores the time; when it differs from the one stored, re-arms the runbook's wait and
   * plans the letters.
   *
   * @throws org.cutover.migration.RejectedSettings naming the broken rules; nothing is stored
   */
  @Transactional
  public PlannedSwitch plan(String migrationId, SwitchTime time, String path, String plannedBy) {
    Optional<PlannedSwitch> before = schedule.planned(migrationId);
    PlannedSwitch after = schedule.plan(migrationId, time, path, plannedBy);
    if (before.isPresent() && before.get().at().equals(after.at())) {
      return after;
    }
    int woken =
        runtime
            .createMessageCorrelation(MOVED_MESSAGE)
            .processInstanceBusinessKey(migrationId)
            .correlateAllWithResult()
            .size();
    letters.plan(migrationId, after, before.isPresent());
    log.info(
        "Migration {}: planned switch {} ({} waiting runbook woken)", migrationId, after, woken);
    return after;
  }
}
