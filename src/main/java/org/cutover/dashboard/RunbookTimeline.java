package org.cutover.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.cutover.migration.MigrationPhase;

/**
 * The runbook's phases in their order, each done, current or still ahead for one migration. A
 * cancelled migration ends in its own stage after the phases it did not finish.
 */
final class RunbookTimeline {

  /** The phases of a runbook that runs to its end. */
  static final List<MigrationPhase> PHASES =
      List.of(
          MigrationPhase.PREPARING,
          MigrationPhase.MIGRATING,
          MigrationPhase.CUTTING_OVER,
          MigrationPhase.FINISHING,
          MigrationPhase.COMPLETED);

  enum State {
    DONE,
    CURRENT,
    AHEAD,
    NOT_REACHED
  }

  /** One stage: the phase and where the migration stands to it. */
  public record Stage(MigrationPhase phase, State state) {

    /** The CSS class and text key of the state. */
    public String css() {
      return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private RunbookTimeline() {}

  static List<Stage> of(MigrationPhase now) {
    List<Stage> stages = new ArrayList<>();
    boolean cancelled = now == MigrationPhase.CANCELLING || now == MigrationPhase.CANCELLED;
    int at = PHASES.indexOf(now);
    for (int i = 0; i < PHASES.size(); i++) {
      MigrationPhase phase = PHASES.get(i);
      State state;
      if (cancelled) {
        state = State.NOT_REACHED;
      } else if (i < at || now == MigrationPhase.COMPLETED) {
        state = State.DONE;
      } else if (i == at) {
        state = State.CURRENT;
      } else {
        state = State.AHEAD;
      }
      if (cancelled && phase == MigrationPhase.COMPLETED) {
        stages.add(new Stage(now, now == MigrationPhase.CANCELLED ? State.DONE : State.CURRENT));
      } else {
        stages.add(new Stage(phase, state));
      }
    }
    return stages;
  }

  static boolean ended(MigrationPhase phase) {
    return phase == MigrationPhase.COMPLETED || phase == MigrationPhase.CANCELLED;
  }
}
