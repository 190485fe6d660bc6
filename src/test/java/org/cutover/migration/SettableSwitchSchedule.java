package org.cutover.migration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchSchedule;
import org.cutover.migration.schedule.SwitchTime;

/** A planned switch a letter test sets by hand; the rules of planning are tested over REST. */
final class SettableSwitchSchedule implements SwitchSchedule {

  PlannedSwitch planned;

  @Override
  public Optional<PlannedSwitch> planned(String migrationId) {
    return Optional.ofNullable(planned);
  }

  @Override
  public PlannedSwitch plan(String migrationId, SwitchTime time, String path, String plannedBy) {
    throw new UnsupportedOperationException("letter tests set the planned switch by hand");
  }

  @Override
  public void checkBeforeRegistration(SwitchTime time, String path) {
    throw new UnsupportedOperationException("letter tests register no migration");
  }

  @Override
  public Instant earliest(String migrationId) {
    return Instant.EPOCH;
  }

  @Override
  public boolean stillAhead(String migrationId, int move) {
    return planned != null && planned.move() == move;
  }

  @Override
  public List<String> blockers(String migrationId) {
    return List.of();
  }
}
