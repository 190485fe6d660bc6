package org.cutover.migration.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.SyncMode;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The watch for late mail on the real schema (H2, migrated by Flyway), the sync engine doubled. */
@JdbcTest
@ActiveProfiles("test")
@TestPropertySource(
    properties = {"cutover.watch.duration=PT3H", "cutover.watch.check-interval=PT2H"})
@Import({StoredLateMailWatch.class, StoredLateMailWatchTest.Setup.class})
class StoredLateMailWatchTest {

  static final Instant START = Instant.parse("2026-03-20T08:00:00Z");
  static final String MIGRATION = "mig-watch";

  @TestConfiguration
  @EnableConfigurationProperties(LateMailWatchProperties.class)
  static class Setup {
    @Bean
    MutableClock clock() {
      return new MutableClock(START);
    }
  }

  @MockitoBean MigrationStore store;
  @MockitoBean BatchLifecycle batch;
  @MockitoBean MailboxSyncEngine engine;

  @Autowired LateMailWatch watch;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  @BeforeEach
  void oneMigrationWithTwoMailboxes() {
    clock.set(START);
    jdbc.sql(
            "INSERT INTO migration (id, domain, batch_name, phase, batch_status, language,"
                + " auto_start_batch, target_type, dns_mode, max_mx_ttl, duration_overrides,"
                + " created_at, updated_at) VALUES (:id, 'contoso.com', 'wave-1', 'FINISHING',"
                + " 'REMOVED', 'en', TRUE, 'IMAP', 'GUIDED', 3600, '', :at, :at)")
        .param("id", MIGRATION)
        .param("at", OffsetDateTime.ofInstant(START, ZoneOffset.UTC))
        .update();
    when(store.mailbox("mb-1")).thenReturn(Optional.of(mailbox("mb-1", "anna@contoso.com")));
    when(store.mailbox("mb-2")).thenReturn(Optional.of(mailbox("mb-2", "bo@contoso.com")));
  }

  /** One look as the runbook takes it: each mailbox on its own, then the look counted. */
  private WatchCheck look() {
    watch.lookAt(MIGRATION, "mb-1");
    watch.lookAt(MIGRATION, "mb-2");
    return watch.check(MIGRATION);
  }

  @Test
  void copiesWhatArrivesUntilThePeriodIsOverAndThenForgetsTheSource() {
    when(engine.sync(eq("mb-1"), eq(SyncMode.INCREMENTAL), any()))
        .thenReturn(new MailboxSyncReport(0, 0, 0, 0, null))
        .thenReturn(new MailboxSyncReport(2, 0, 0, 900, null)); // at the second look and after
    when(engine.sync(eq("mb-2"), eq(SyncMode.INCREMENTAL), any()))
        .thenThrow(new StepNeedsAdministrator("imap.contoso.com refused the login"))
        .thenReturn(new MailboxSyncReport(1, 0, 0, 300, null));

    WatchCheck first = look();
    assertThat(first).isEqualTo(new WatchCheck(false, Duration.ofHours(2)));
    WatchReport started = watch.of(MIGRATION).orElseThrow();
    assertThat(started.startedAt()).isEqualTo(START);
    assertThat(started.endsAt()).isEqualTo(START.plus(Duration.ofHours(3)));
    assertThat(started.mailboxes())
        .extracting(WatchReport.Mailbox::emailAddress, WatchReport.Mailbox::lastError)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("anna@contoso.com", null),
            org.assertj.core.groups.Tuple.tuple(
                "bo@contoso.com", "imap.contoso.com refused the login"));

    clock.advance(Duration.ofHours(2));
    // One hour is left of the period: the next look comes at its end, not after the interval.
    assertThat(look()).isEqualTo(new WatchCheck(false, Duration.ofHours(1)));
    clock.advance(Duration.ofHours(1));
    assertThat(look().over()).isTrue();
    verify(batch, never()).forgetSource(MIGRATION);

    WatchReport ended = watch.end(MIGRATION);
    verify(batch).forgetSource(MIGRATION);
    assertThat(ended.checks()).isEqualTo(3);
    assertThat(ended.endedHow()).isEqualTo("PERIOD_OVER");
    assertThat(ended.endedAt()).isEqualTo(START.plus(Duration.ofHours(3)));
    assertThat(ended.mailboxes())
        .extracting(WatchReport.Mailbox::messagesCopied, WatchReport.Mailbox::lastError)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4L, null),
            org.assertj.core.groups.Tuple.tuple(2L, null));
    assertThat(ended.summary(java.util.Locale.ENGLISH))
        .startsWith("Watched from 2026-03-20T08:00:00Z to 2026-03-20T11:00:00Z, 3 looks")
        .contains("6 late messages copied to the target")
        .contains("anna@contoso.com: 4 copied")
        .contains("bo@contoso.com: 2 copied");
    assertThat(ended.summary(java.util.Locale.forLanguageTag("da")))
        .startsWith("Overvåget fra 2026-03-20T08:00:00Z til 2026-03-20T11:00:00Z, 3 kig på kilden")
        .contains("6 sene beskeder kopieret til målet")
        .contains("anna@contoso.com: 4 kopieret");
  }

  @Test
  void aRollbackEndsARunningWatchAndNothingWhenNoneRan() {
    watch.endAfterRollback(MIGRATION);
    verify(batch, never()).forgetSource(MIGRATION);
    assertThat(watch.of(MIGRATION)).isEmpty();

    when(engine.sync(any(), any(), any())).thenReturn(new MailboxSyncReport(0, 0, 0, 0, null));
    look();
    watch.endAfterRollback(MIGRATION);

    verify(batch).forgetSource(MIGRATION);
    assertThat(watch.of(MIGRATION).orElseThrow().endedHow()).isEqualTo("ROLLED_BACK");
  }

  @Test
  void aMailboxOfAnotherMigrationIsNotLookedAt() {
    MailboxState other =
        new MailboxState(
            "mb-9",
            "other",
            "eve@fabrikam.com",
            null,
            null,
            MailboxStatus.REMOVED,
            null,
            0,
            0,
            0,
            0,
            null);
    when(store.mailbox("mb-9")).thenReturn(Optional.of(other));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> watch.lookAt(MIGRATION, "mb-9"))
        .hasMessageContaining("has no mailbox mb-9");
    verify(engine, never()).sync(any(), any(), any());
  }

  private static MailboxState mailbox(String id, String address) {
    return new MailboxState(
        id, MIGRATION, address, null, null, MailboxStatus.REMOVED, null, 0, 0, 0, 0, null);
  }
}
