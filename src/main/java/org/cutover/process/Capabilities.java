package org.cutover.process;

import org.cutover.migration.StepNeedsAdministrator;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A port that exists only when its capability is configured (DNS, mail sync, target, letters). The
 * REST API refuses a migration that needs a missing one; a step that meets one anyway (the
 * configuration changed while the migration ran) stops with an incident naming it.
 */
final class Capabilities {

  private Capabilities() {}

  static <T> T require(ObjectProvider<T> port, String capability, Class<T> type) {
    T value = port.getIfAvailable();
    if (value == null) {
      throw new StepNeedsAdministrator(
          "Cutover has no "
              + capability
              + " configured (no "
              + type.getSimpleName()
              + "); configure it, restart Cutover and retry this step in Cockpit");
    }
    return value;
  }
}
