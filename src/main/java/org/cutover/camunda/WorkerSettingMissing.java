package org.cutover.camunda;

/**
 * A setting the sync worker account or the worker role cannot do without; {@link
 * WorkerSettingMissingAnalyzer} turns it into a start-up message that says what to set.
 */
class WorkerSettingMissing extends IllegalStateException {

  private final String action;

  WorkerSettingMissing(String description, String action) {
    super(description);
    this.action = action;
  }

  String action() {
    return action;
  }
}
