package org.cutover.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging of the sync command line: warnings and errors on standard error, one line each, so that
 * standard output holds only the result table; {@code -Dcutover.sync.log=INFO} (or any other level)
 * shows more. Logback finds this class as a service and asks it first; it configures logging only
 * when the sync command asked for it with {@link #PROPERTY} and nobody named a configuration file
 * with {@code logback.configurationFile}. Otherwise (the application) logback's own configuration
 * runs as it always does. Built in code rather than read from XML: on a short run the XML reader
 * costs more than a sync that finds nothing to do.
 */
public final class SyncLogging extends ContextAwareBase implements Configurator {

  /** Set by the sync command to {@value #STDERR} before anything logs. */
  static final String PROPERTY = "cutover.sync.logging";

  static final String STDERR = "stderr";

  /** The level property of the command line, WARN when absent or not a level. */
  static final String LEVEL_PROPERTY = "cutover.sync.log";

  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n";

  public SyncLogging() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (!STDERR.equals(System.getProperty(PROPERTY))
        || System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName(STDERR);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.WARN));
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
