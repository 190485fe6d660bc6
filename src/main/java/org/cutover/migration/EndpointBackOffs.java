package org.cutover.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.cutover.mailsync.ImapEndpoint;
import org.cutover.mailsync.ServerPushback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The back-off of each mail server in {@code endpoint_backoff}, shared by every node: when a server
 * asks to slow down, no node starts a new pass against it until the recorded time. The wait is what
 * the server named, else {@code cutover.worker.backoff-first}, doubled for each answer that comes
 * after the last back-off ended, up to {@code cutover.worker.backoff-max}; answers while a back-off
 * still runs (from passes already under way) extend nothing.
 */
@Component
class EndpointBackOffs implements ServerPushback {

  private static final Logger log = LoggerFactory.getLogger(EndpointBackOffs.class);

  /** A wait a server names beyond this is taken as this: a misread number must not stop a batch. */
  static final Duration LONGEST_NAMED_WAIT = Duration.ofHours(1);

  private static final String WRITE =
      "MERGE INTO endpoint_backoff b USING (SELECT CAST(:key AS VARCHAR(300)) AS endpoint_key) n"
          + " ON b.endpoint_key = n.endpoint_key WHEN MATCHED THEN UPDATE SET backoff_until ="
          + " :until, strikes = :strikes, reason = :reason, recorded_at = :now WHEN NOT MATCHED"
          + " THEN INSERT (endpoint_key, backoff_until, strikes, reason, recorded_at) VALUES"
          + " (:key, :until, :strikes, :reason, :now)";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration first;
  private final Duration max;
  private final org.cutover.migration.metrics.RunbookMetrics metrics;

  EndpointBackOffs(JdbcClient jdbc, ObjectProvider<Clock> clock, Duration first, Duration max) {
    this(
        jdbc,
        clock,
        first,
        max,
        new org.springframework.beans.factory.support.StaticListableBeanFactory()
            .getBeanProvider(org.cutover.migration.metrics.RunbookMetrics.class));
  }

  @org.springframework.beans.factory.annotation.Autowired
  EndpointBackOffs(
      JdbcClient jdbc,
      ObjectProvider<Clock> clock,
      @Value("${cutover.worker.backoff-first:PT30S}") Duration first,
      @Value("${cutover.worker.backoff-max:PT15M}") Duration max,
      ObjectProvider<org.cutover.migration.metrics.RunbookMetrics> metrics) {
    this.metrics = metrics.getIfAvailable(org.cutover.migration.metrics.RunbookMetrics::unread);
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "cutover.worker.backoff-first must be positive and cutover.worker.backoff-max at least"
              + " as long, not "
              + first
              + " and "
              + max);
    }
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.first = first;
    this.max = max;
  }

  private record Recorded(Instant until, int strikes, String reason) {}

  @Override
  public void serverAskedToWait(ImapEndpoint server, Duration wait, String answer) {
    metrics.throttled(PassServer.key(server.host(), server.port()));
    try {
      record(PassServer.key(server.host(), server.port()), wait, answer);
    } catch (DataAccessException e) {
      log.warn("The back-off of {} was not recorded: {}", server.address(), e.toString());
    }
  }

  /** Records that the server asked to wait, {@code named} long if it said (else null). */
  void record(String key, Duration named, String reason) {
    for (int attempt = 1; ; attempt++) {
      try {
        write(key, named, reason);
        return;
      } catch (DuplicateKeyException anotherNodeWroteFirst) {
        if (attempt == 2) {
          throw anotherNodeWroteFirst;
        }
      }
    }
  }

  private void write(String key, Duration named, String reason) {
    Instant now = clock.instant();
    Optional<Recorded> before = recorded(key);
    boolean running = before.isPresent() && now.isBefore(before.get().until());
    if (running && named == null) {
      return; // an answer to a pass already under way while the back-off runs
    }
    int strikes =
        running
            ? before.get().strikes()
            : before
                .filter(b -> now.isBefore(b.until().plus(max)))
                .map(b -> b.strikes() + 1)
                .orElse(1);
    Duration wait = first.multipliedBy(1L << Math.min(20, strikes - 1));
    wait = wait.compareTo(max) > 0 ? max : wait;
    if (named != null) {
      Duration told = named.compareTo(LONGEST_NAMED_WAIT) > 0 ? LONGEST_NAMED_WAIT : named;
      wait = told.compareTo(wait) > 0 ? told : wait;
    }
    Instant until = now.plus(wait);
    if (before.isPresent() && before.get().until().isAfter(until)) {
      until = before.get().until();
      strikes = before.get().strikes();
    }
    jdbc.sql(WRITE)
        .param("key", key)
        .param("until", MigrationStore.utc(until))
        .param("strikes", strikes)
        .param("reason", reason == null ? "" : shortened(reason))
        .param("now", MigrationStore.utc(now))
        .update();
    log.warn("Server {} asked to slow down: no new passes against it before {}", key, until);
  }

  /** The latest back-off of these servers still running, with its reason; empty when none runs. */
  Optional<BackOff> running(Collection<String> keys) {
    Instant now = clock.instant();
    BackOff latest = null;
    for (String key : keys) {
      Optional<Recorded> r = recorded(key);
      if (r.isPresent()
          && r.get().until().isAfter(now)
          && (latest == null || r.get().until().isAfter(latest.until()))) {
        latest = new BackOff(key, r.get().until(), r.get().reason());
      }
    }
    return Optional.ofNullable(latest);
  }

  /** A running back-off: no new pass against {@code key} before {@code until}. */
  record BackOff(String key, Instant until, String reason) {}

  private Optional<Recorded> recorded(String key) {
    return jdbc.sql(
            "SELECT backoff_until, strikes, reason FROM endpoint_backoff WHERE endpoint_key = :key")
        .param("key", key)
        .query(
            (rs, row) ->
                new Recorded(
                    MigrationStore.instant(rs, "backoff_until"),
                    rs.getInt("strikes"),
                    rs.getString("reason")))
        .optional();
  }

  private static String shortened(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
  }
}
