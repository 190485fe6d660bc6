package org.cutover.migration.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cutover.migration.DnsChangeHistory;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationPhase;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.RecordedDnsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planned switch kept in our tables. The earliest switch counts from the DNS change journal:
 * once the MX TTL was lowered, the moment the zone was seen holding the lower TTL plus the TTL it
 * had before; until then, now plus {@code cutover.switch.assumed-old-mx-ttl} plus {@code
 * cutover.switch.margin}.
 */
@Service
class StoredSwitchSchedule implements SwitchSchedule {

  private static final Logger log = LoggerFactory.getLogger(StoredSwitchSchedule.class);

  private static final java.util.Set<MigrationPhase> LETTERS_HOLD =
      java.util.EnumSet.of(
          MigrationPhase.PREPARING, MigrationPhase.MIGRATING, MigrationPhase.CUTTING_OVER);

  /** Mailboxes named one by one in a blocker; the rest are counted. */
  private static final int NAMED = 10;

  private final PlannedSwitches switches;
  private final MigrationStore store;
  private final DnsChangeHistory dns;
  private final SwitchProperties settings;
  private final Clock clock;

  StoredSwitchSchedule(
      PlannedSwitches switches,
      MigrationStore store,
      DnsChangeHistory dns,
      SwitchProperties settings,
      ObjectProvider<Clock> clock) {
    this.switches = switches;
    this.store = store;
    this.dns = dns;
    this.settings = settings;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public Optional<PlannedSwitch> planned(String migrationId) {
    return switches.find(migrationId);
  }

  @Override
  @Transactional
  public PlannedSwitch plan(String migrationId, SwitchTime time, String path, String plannedBy) {
    requireMigration(migrationId);
    ZonedDateTime at = SwitchTimeRules.check(time, path, clock.instant(), earliest(migrationId));
    PlannedSwitch planned =
        switches.save(
            migrationId, at.toInstant(), at.getZone().getId(), plannedBy, clock.instant());
    log.info(
        "Migration {}: switch planned for {} ({}), move {}",
        migrationId,
        at.toInstant(),
        at.getZone().getId(),
        planned.move());
    return planned;
  }

  @Override
  public void checkBeforeRegistration(SwitchTime time, String path) {
    SwitchTimeRules.check(time, path, clock.instant(), earliestBeforeLowering());
  }

  @Override
  public Instant earliest(String migrationId) {
    Optional<RecordedDnsChange> lowered =
        dns.changes(migrationId).stream()
            .filter(change -> "LOWER_MX_TTL".equals(change.step()))
            .filter(change -> change.appliedAt() != null && change.rolledBackAt() == null)
            .reduce((first, second) -> second);
    if (lowered.isPresent()) {
      long oldTtl = lowered.get().before() == null ? 0 : lowered.get().before().ttl();
      return lowered.get().appliedAt().plusSeconds(oldTtl);
    }
    return earliestBeforeLowering();
  }

  private Instant earliestBeforeLowering() {
    return clock.instant().plus(settings.assumedOldMxTtl()).plus(settings.margin());
  }

  @Override
  public boolean stillAhead(String migrationId, int move) {
    Optional<PlannedSwitch> planned = switches.find(migrationId);
    return planned.isPresent()
        && planned.get().move() == move
        && store
            .find(migrationId)
            .filter(migration -> migration.mxSwitchedAt() == null)
            .filter(migration -> LETTERS_HOLD.contains(migration.summary().phase()))
            .isPresent();
  }

  @Override
  public List<String> blockers(String migrationId) {
    List<MailboxState> failed =
        store.mailboxes(migrationId).stream()
            .filter(mailbox -> mailbox.status() == MailboxStatus.FAILED)
            .toList();
    List<String> blockers = new ArrayList<>();
    if (!failed.isEmpty()) {
      StringBuilder text =
          new StringBuilder(
              failed.size() == 1
                  ? "1 mailbox failed its last sync: "
                  : failed.size() + " mailboxes failed their last sync: ");
      failed.stream()
          .limit(NAMED)
          .forEach(
              mailbox ->
                  text.append(mailbox.emailAddress())
                      .append(" (")
                      .append(
                          mailbox.lastError() == null ? "no reason recorded" : mailbox.lastError())
                      .append("); "));
      if (failed.size() > NAMED) {
        text.append("and ").append(failed.size() - NAMED).append(" more; ");
      }
      text.append("GET /api/migrations/")
          .append(migrationId)
          .append("?mailboxes=failed lists them");
      blockers.add(text.toString());
    }
    return blockers;
  }

  private void requireMigration(String migrationId) {
    if (store.find(migrationId).isEmpty()) {
      throw MigrationNotFound.migration(migrationId);
    }
  }
}
