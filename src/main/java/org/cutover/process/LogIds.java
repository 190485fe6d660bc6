package org.cutover.process;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The ids every log line carries while a runbook step or a mailbox pass runs, as SLF4J MDC entries
 * ({@value #MIGRATION}, {@value #MAILBOX}): the text log shows them after the thread name, the
 * structured JSON formats as fields of their own. What was there before is put back on close, so
 * that a step run inside another (a synchronous continuation) leaves its caller's ids.
 */
final class LogIds implements AutoCloseable {

  static final String MIGRATION = "migrationId";
  static final String MAILBOX = "mailboxId";

  private final Map<String, String> before = new HashMap<>();

  private LogIds() {}

  /** Sets the ids given (a null one is left out) until {@link #close()}. */
  static LogIds of(String migrationId, String mailboxId) {
    LogIds ids = new LogIds();
    ids.put(MIGRATION, migrationId);
    ids.put(MAILBOX, mailboxId);
    return ids;
  }

  private void put(String key, String value) {
    before.put(key, MDC.get(key));
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  @Override
  public void close() {
    before.forEach(
        (key, value) -> {
          if (value == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, value);
          }
        });
  }
}
