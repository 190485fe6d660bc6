package org.cutover.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MigrationPhase;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.SettingsProblem;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchSchedule;
import org.cutover.migration.schedule.SwitchTime;

/**
 * The planned switch of the one in-memory migration, on the engine clock: a time in the past or
 * before {@link #earliest} is refused like the stored schedule refuses it; failed mailboxes of
 * {@link InMemoryMigrations} stand in the way of the swap.
 */
final class InMemorySwitchSchedule implements SwitchSchedule {

  private final InMemoryMigrations migrations;
  PlannedSwitch planned;
  Instant earliest = Instant.EPOCH;

  InMemorySwitchSchedule(InMemoryMigrations migrations) {
    this.migrations = migrations;
  }

  @Override
  public Optional<PlannedSwitch> planned(String migrationId) {
    return Optional.ofNullable(planned);
  }

  @Override
  public PlannedSwitch plan(String migrationId, SwitchTime time, String path, String plannedBy) {
    ZonedDateTime at = checked(time, path);
    int move = planned == null ? 0 : planned.move() + (planned.at().equals(at.toInstant()) ? 0 : 1);
    planned = new PlannedSwitch(at.toInstant(), time.zone(), move);
    return planned;
  }

  @Override
  public void checkBeforeRegistration(SwitchTime time, String path) {
    checked(time, path);
  }

  private ZonedDateTime checked(SwitchTime time, String path) {
    if (time.date() == null || time.time() == null || time.zone() == null) {
      throw new RejectedSettings(List.of(new SettingsProblem(path + ".date", "is missing")));
    }
    ZonedDateTime at = LocalDateTime.of(time.date(), time.time()).atZone(ZoneId.of(time.zone()));
    if (!at.toInstant().isAfter(EngineClock.now())) {
      throw new RejectedSettings(
          List.of(new SettingsProblem(path + ".date", "must be in the future")));
    }
    if (at.toInstant().isBefore(earliest)) {
      throw new RejectedSettings(
          List.of(new SettingsProblem(path + ".time", "must not be before " + earliest)));
    }
    return at;
  }

  @Override
  public Instant earliest(String migrationId) {
    return earliest;
  }

  @Override
  public boolean stillAhead(String migrationId, int move) {
    boolean running =
        migrations.phases.isEmpty()
            || EnumSet.of(
                    MigrationPhase.PREPARING, MigrationPhase.MIGRATING, MigrationPhase.CUTTING_OVER)
                .contains(migrations.phases.get(migrations.phases.size() - 1));
    return planned != null && planned.move() == move && migrations.mxSwitch == null && running;
  }

  @Override
  public List<String> blockers(String migrationId) {
    return migrations.mailboxes.entrySet().stream()
        .filter(entry -> entry.getValue().status == MailboxStatus.FAILED)
        .map(entry -> entry.getKey() + " failed its last sync")
        .toList();
  }
}
