package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging of the sync command line, set up in code, and only when the command asks for it. */
class SyncLoggingTest {

  private static final String[] PROPERTIES = {
    SyncLogging.PROPERTY, SyncLogging.LEVEL_PROPERTY, "logback.configurationFile"
  };

  private final Map<String, String> saved = new HashMap<>();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream realErr;
  private final LoggerContext context = new LoggerContext();

  @BeforeEach
  void captureStandardError() {
    context.setMDCAdapter(new LogbackMDCAdapter()); // as logback's SLF4J provider does
    for (String p : PROPERTIES) {
      saved.put(p, System.getProperty(p));
      System.clearProperty(p);
    }
    realErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(realErr);
    context.stop();
    saved.forEach(
        (p, v) -> {
          if (v == null) {
            System.clearProperty(p);
          } else {
            System.setProperty(p, v);
          }
        });
  }

  @Test
  void writesWarningsToStandardErrorOneLineEachByDefault() {
    System.setProperty(SyncLogging.PROPERTY, SyncLogging.STDERR);

    assertThat(configure()).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger log = context.getLogger("org.cutover.mailsync.PassRecorder");
    log.info("Mailbox m1: 3 folders");
    log.warn("Mailbox m1: folder Sent failed");

    String written = err.toString(StandardCharsets.UTF_8);
    assertThat(written)
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  PassRecorder: Mailbox m1: folder Sent failed\\R");
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void showsMoreWithTheLevelProperty() {
    System.setProperty(SyncLogging.PROPERTY, SyncLogging.STDERR);
    System.setProperty(SyncLogging.LEVEL_PROPERTY, "info");

    configure();
    Logger log = context.getLogger("org.cutover.mailsync.MailboxPass");
    log.debug("Mailbox m1: not shown");
    log.info("Mailbox m1: 3 folders");

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("INFO  MailboxPass: Mailbox m1: 3 folders")
        .doesNotContain("not shown");
  }

  @Test
  void leavesTheApplicationsLoggingToLogback() {
    assertThat(configure()).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.iteratorForAppenders().hasNext()).isFalse();
    root.warn("not configured here");
    assertThat(err.size()).isZero();
  }

  @Test
  void leavesANamedConfigurationFileToLogback() {
    System.setProperty(SyncLogging.PROPERTY, SyncLogging.STDERR);
    System.setProperty("logback.configurationFile", "my-logback.xml");

    assertThat(configure()).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
        .isFalse();
  }

  @Test
  void isRegisteredForLogbackToFind() {
    assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream())
        .anyMatch(p -> p.type() == SyncLogging.class);
  }

  private ExecutionStatus configure() {
    SyncLogging logging = new SyncLogging();
    logging.setContext(context);
    return logging.configure(context);
  }
}
