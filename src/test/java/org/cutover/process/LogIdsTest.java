package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TaskLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * A pass's log lines carry the migration and mailbox ids, in the text log as application.yml's
 * pattern renders them, and the ids are gone from the thread once the pass has ended.
 */
class LogIdsTest {

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger workerLog = (Logger) LoggerFactory.getLogger(MailboxSyncWorker.class);
  private final Logger passLog = (Logger) LoggerFactory.getLogger("org.cutover.mailsync.Pass");

  @BeforeEach
  void listen() {
    lines.start();
    workerLog.addAppender(lines);
    passLog.addAppender(lines);
  }

  @AfterEach
  void stopListening() {
    workerLog.detachAppender(lines);
    passLog.detachAppender(lines);
    MDC.clear();
  }

  @Test
  void aPassLogsWithTheMigrationAndMailboxIdsAndLeavesNoneBehind() {
    MailboxSyncRunner runner =
        new MailboxSyncRunner() {
          @Override
          public MailboxSyncReport run(String mailboxId, SyncMode mode, TaskLock lock) {
            passLog.info("copying the folders of {}", mailboxId);
            return new MailboxSyncReport(3, 0, 0, 300, null);
          }

          @Override
          public void markFailed(String mailboxId, String error) {}
        };
    TaskSource source = mock(TaskSource.class);
    when(source.workerId()).thenReturn("node-1");
    MailboxSyncWorker worker =
        new MailboxSyncWorker(runner, Duration.ofMinutes(10), Clock.systemUTC());

    worker.execute(
        new SyncTask(
            "task-1",
            "mig-7",
            "box-9",
            "INCREMENTAL",
            null,
            Instant.now().plus(Duration.ofMinutes(10))),
        source);

    assertThat(lines.list).hasSizeGreaterThanOrEqualTo(2);
    for (ILoggingEvent line : lines.list) {
      assertThat(line.getMDCPropertyMap())
          .containsEntry("migrationId", "mig-7")
          .containsEntry("mailboxId", "box-9");
      assertThat(rendered(line)).startsWith("migration=mig-7 mailbox=box-9 ");
    }
    assertThat(MDC.get("migrationId")).isNull();
    assertThat(MDC.get("mailboxId")).isNull();
  }

  @Test
  void aLineOutsideAnyMigrationShowsNoIds() {
    passLog.info("starting");

    assertThat(rendered(lines.list.get(0))).isEqualTo("starting");
  }

  @Test
  void theIdsOfAnEnclosingStepComeBackAfterAnInnerOne() {
    try (LogIds outer = LogIds.of("mig-1", null)) {
      try (LogIds inner = LogIds.of("mig-1", "box-2")) {
        assertThat(MDC.get("mailboxId")).isEqualTo("box-2");
      }
      assertThat(MDC.get("migrationId")).isEqualTo("mig-1");
      assertThat(MDC.get("mailboxId")).isNull();
    }
    assertThat(MDC.get("migrationId")).isNull();
  }

  /** The line as the text log shows its ids and message, with the pattern application.yml sets. */
  private static String rendered(ILoggingEvent line) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    String correlation = yaml.getObject().getProperty("logging.pattern.correlation");
    assertThat(correlation).isNotBlank();
    PatternLayout layout = new PatternLayout();
    layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    layout.setPattern(correlation + "%m");
    layout.start();
    return layout.doLayout(line);
  }
}
