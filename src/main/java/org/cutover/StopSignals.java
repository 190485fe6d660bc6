package org.cutover;

import sun.misc.Signal;

/**
 * A stop asked for with SIGTERM or Ctrl-C (SIGINT) is a clean end: the application closes as for
 * any shutdown (Spring's shutdown hook) and the process exits with status 0 instead of the JVM's
 * 143 or 130, so that what started it ({@code ./mvnw spring-boot:run}, a service manager, a script)
 * reports success rather than a failed build.
 */
final class StopSignals {

  private StopSignals() {}

  static void endCleanly() {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> System.exit(0));
      } catch (IllegalArgumentException notOnThisSystem) {
        // The JVM keeps its own handling of a signal it does not let us handle.
      }
    }
  }
}
