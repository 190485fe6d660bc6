package org.cutover.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logging of the sync command line, an SLF4J provider that the command names (slf4j.provider):
 * warnings and errors on standard error, one line each, so that standard output holds only the
 * result table; {@code -Dcutover.sync.log=INFO} (or any other level) shows more. The command has no
 * use for appenders, patterns or configuration files, and setting up logback for it took about 30
 * ms that a short run waited for; the application itself logs through logback.
 */
public final class SyncLogging implements SLF4JServiceProvider {

  /** The level property of the command line, WARN when absent or not a level. */
  static final String LEVEL_PROPERTY = "cutover.sync.log";

  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();
  private ILoggerFactory loggers;

  public SyncLogging() {}

  /** Makes SLF4J use this provider, unless the JVM was started naming another. */
  static void select() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", SyncLogging.class.getName());
      System.setProperty("slf4j.internal.verbosity", "WARN"); // not its note on the choice
    }
  }

  @Override
  public void initialize() {
    Level threshold = level(System.getProperty(LEVEL_PROPERTY));
    PrintStream err = System.err;
    loggers = name -> new LineLogger(name, threshold, err);
  }

  static Level level(String name) {
    if (name != null) {
      for (Level level : Level.values()) {
        if (level.name().equalsIgnoreCase(name.strip())) {
          return level;
        }
      }
    }
    return Level.WARN;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  /**
   * Writes {@code 14:03:07.412 WARN PassRecorder: message}, the stack trace after it, in one write
   * so that lines of parallel mailboxes do not mix.
   */
  static final class LineLogger extends LegacyAbstractLogger {

    private final transient String shortName;
    private final transient Level threshold;
    private final transient PrintStream out;

    LineLogger(String name, Level threshold, PrintStream out) {
      this.name = name;
      this.shortName = name.substring(name.lastIndexOf('.') + 1);
      this.threshold = threshold;
      this.out = out;
    }

    private boolean shows(Level level) {
      return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
      return shows(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return shows(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return shows(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return shows(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return shows(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      LocalTime now = LocalTime.now();
      StringBuilder line = new StringBuilder(96);
      two(line, now.getHour()).append(':');
      two(line, now.getMinute()).append(':');
      two(line, now.getSecond()).append('.');
      int millis = now.getNano() / 1_000_000;
      line.append(millis < 100 ? "0" : "").append(millis < 10 ? "0" : "").append(millis);
      String levelName = level.name().toUpperCase(Locale.ROOT);
      line.append(' ').append(levelName).append(" ".repeat(Math.max(0, 5 - levelName.length())));
      line.append(' ').append(shortName).append(": ");
      line.append(MessageFormatter.basicArrayFormat(pattern, arguments));
      line.append(System.lineSeparator());
      if (throwable != null) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      out.print(line);
      out.flush();
    }

    private static StringBuilder two(StringBuilder line, int value) {
      return line.append(value < 10 ? "0" : "").append(value);
    }
  }
}
