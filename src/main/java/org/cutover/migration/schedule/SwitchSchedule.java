package org.cutover.migration.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The planned switch of a migration: read, set or moved, and checked before the swap. */
public interface SwitchSchedule {

  Optional<PlannedSwitch> planned(String migrationId);

  /**
   * Sets or moves the planned switch after checking it.
   *
   * @param path where the time stands in the request, for problems ({@code $.plannedSwitch}); the
   *     fields are {@code path.date}, {@code path.time} and {@code path.zone}
   * @throws org.cutover.migration.RejectedSettings naming each field that breaks a rule; nothing is
   *     stored
   * @throws org.cutover.migration.MigrationNotFound when there is no such migration
   */
  PlannedSwitch plan(String migrationId, SwitchTime time, String path, String plannedBy);

  /**
   * Checks the time a migration not registered yet is to be planned with, by the rules {@link
   * #plan} applies; stores nothing.
   *
   * @throws org.cutover.migration.RejectedSettings naming each field that breaks a rule
   */
  void checkBeforeRegistration(SwitchTime time, String path);

  /** The earliest moment the MX swap may come, as the old MX TTL allows now. */
  Instant earliest(String migrationId);

  /**
   * Whether letters about this move of the planned switch still tell the truth: it is still the
   * planned time, the MX records are not swapped yet, and the migration is neither cancelled nor
   * finished.
   */
  boolean stillAhead(String migrationId, int move);

  /** Why the MX records should not be swapped now: each a sentence; empty when nothing. */
  List<String> blockers(String migrationId);
}
