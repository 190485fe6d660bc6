package org.cutover.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cutover.migration.watch.LateMailWatch;
import org.cutover.migration.watch.WatchCheck;
import org.cutover.migration.watch.WatchReport;
import org.cutover.migration.wayback.MailWayBack;
import org.cutover.migration.wayback.WayBackReport;

/**
 * The watch for late mail and the way back as the runbook sees them, on the engine clock: the watch
 * lasts {@link #WATCH} from its first look and looks again every {@link #CHECK_EVERY}; each look,
 * end and copy back is journalled. A test sets what the way back cannot copy.
 */
final class RecordedWatchAndWayBack implements LateMailWatch, MailWayBack {

  static final Duration WATCH = Duration.ofDays(7);
  static final Duration CHECK_EVERY = Duration.ofHours(1);

  final List<String> journal = new ArrayList<>();
  List<String> notCopiedBack = List.of();
  private Instant startedAt;
  private Instant endedAt;
  private String endedHow;
  private int checks;

  @Override
  public void lookAt(String migrationId, String mailboxId) {
    if (startedAt == null) {
      startedAt = EngineClock.now();
    }
    journal.add("lookAt " + mailboxId);
  }

  @Override
  public WatchCheck check(String migrationId) {
    Instant now = EngineClock.now();
    if (startedAt == null) {
      startedAt = now;
    }
    checks++;
    journal.add("checkLateMail");
    Instant endsAt = startedAt.plus(WATCH);
    if (!now.isBefore(endsAt)) {
      return new WatchCheck(true, Duration.ZERO);
    }
    Duration left = Duration.between(now, endsAt);
    return new WatchCheck(false, left.compareTo(CHECK_EVERY) < 0 ? left : CHECK_EVERY);
  }

  @Override
  public WatchReport end(String migrationId) {
    journal.add("endLateMailWatch");
    endedAt = EngineClock.now();
    endedHow = "PERIOD_OVER";
    return of(migrationId).orElseThrow();
  }

  @Override
  public void endAfterRollback(String migrationId) {
    journal.add("endAfterRollback");
    if (startedAt != null) {
      endedAt = EngineClock.now();
      endedHow = "ROLLED_BACK";
    }
  }

  @Override
  public Optional<WatchReport> of(String migrationId) {
    if (startedAt == null) {
      return Optional.empty();
    }
    return Optional.of(
        new WatchReport(
            startedAt,
            startedAt.plus(WATCH),
            null,
            checks,
            endedAt,
            endedHow,
            List.of(new WatchReport.Mailbox("m-1@contoso.com", 2, null, null))));
  }

  String endedHow() {
    return endedHow;
  }

  int checks() {
    return checks;
  }

  @Override
  public List<String> copyBack(String migrationId) {
    journal.add("copyBack");
    return notCopiedBack;
  }

  @Override
  public Optional<WayBackReport> report(String migrationId) {
    return Optional.empty();
  }
}
