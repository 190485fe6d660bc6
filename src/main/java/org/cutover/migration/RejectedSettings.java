package org.cutover.migration;

import java.util.List;

/** The settings break one or more rules; each problem names the field and what to fix. */
public class RejectedSettings extends RuntimeException {

  private final List<SettingsProblem> problems;

  public RejectedSettings(List<SettingsProblem> problems) {
    super(
        "The migration settings need correcting: "
            + String.join("; ", problems.stream().map(SettingsProblem::toString).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<SettingsProblem> problems() {
    return problems;
  }
}
