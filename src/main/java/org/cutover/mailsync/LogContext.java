package org.cutover.mailsync;

import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * Carries the caller's log context (SLF4J MDC: the migration and mailbox a pass works for) to the
 * threads a pass hands work to, and clears it there after the work, so that their log lines name
 * the same ids as the pass's own.
 */
final class LogContext {

  private LogContext() {}

  static <T> Callable<T> carried(Callable<T> work) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> before = MDC.getCopyOfContextMap();
      set(context);
      try {
        return work.call();
      } finally {
        set(before);
      }
    };
  }

  static Runnable carried(Runnable work) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> before = MDC.getCopyOfContextMap();
      set(context);
      try {
        work.run();
      } finally {
        set(before);
      }
    };
  }

  private static void set(Map<String, String> context) {
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
  }
}
