package org.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** The sync command's own SLF4J provider: one line per event on standard error. */
class SyncLoggingTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream realErr;
  private String savedLevel;

  @BeforeEach
  void captureStandardError() {
    savedLevel = System.getProperty(SyncLogging.LEVEL_PROPERTY);
    System.clearProperty(SyncLogging.LEVEL_PROPERTY);
    realErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(realErr);
    if (savedLevel == null) {
      System.clearProperty(SyncLogging.LEVEL_PROPERTY);
    } else {
      System.setProperty(SyncLogging.LEVEL_PROPERTY, savedLevel);
    }
  }

  private static Logger logger(String name) {
    SyncLogging provider = new SyncLogging();
    provider.initialize();
    return provider.getLoggerFactory().getLogger(name);
  }

  private String written() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesWarningsAndErrorsOneLineEachByDefault() {
    Logger log = logger("org.cutover.mailsync.PassRecorder");
    log.info("Mailbox m1: 3 folders");
    log.debug("Mailbox m1: not shown");
    log.warn("Mailbox {}: folder {} failed", "m1", "Sent");
    log.error("Mailbox m1: gave up");

    assertThat(log.isInfoEnabled()).isFalse();
    assertThat(log.isWarnEnabled()).isTrue();
    assertThat(written())
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  PassRecorder: Mailbox m1: folder Sent failed\\R"
                + "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR PassRecorder: Mailbox m1: gave up\\R");
  }

  @Test
  void showsMoreWithTheLevelProperty() {
    System.setProperty(SyncLogging.LEVEL_PROPERTY, " info ");
    Logger log = logger("org.cutover.mailsync.MailboxPass");
    log.debug("Mailbox m1: not shown");
    log.info("Mailbox m1: 3 folders");

    assertThat(written())
        .contains("INFO  MailboxPass: Mailbox m1: 3 folders")
        .doesNotContain("not shown");
  }

  @Test
  void writesTheStackTraceAfterItsLine() {
    logger("Plain").warn("Mailbox m1: connection lost", new IOException("reset by peer"));

    assertThat(written())
        .containsPattern("WARN  Plain: Mailbox m1: connection lost\\R")
        .contains("java.io.IOException: reset by peer")
        .contains("\tat org.cutover.cli.SyncLoggingTest.writesTheStackTraceAfterItsLine");
  }

  @Test
  void readsTheLevelLeniently() {
    assertThat(SyncLogging.level("DEBUG")).isEqualTo(Level.DEBUG);
    assertThat(SyncLogging.level("trace")).isEqualTo(Level.TRACE);
    assertThat(SyncLogging.level("loud")).isEqualTo(Level.WARN);
    assertThat(SyncLogging.level(null)).isEqualTo(Level.WARN);
  }
}
