package org.cutover.migration.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.cutover.migration.MailboxStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@value #NAME}: the mailboxes of all migrations by status, one gauge per status. A scrape reads
 * them with one grouped count, kept for {@link #FRESH} so that the gauges of one scrape (and
 * scrapes from several servers) cost one query.
 */
@Component
public class MailboxStatusGauges implements MeterBinder {

  static final String NAME = "cutover.mailboxes";
  static final Duration FRESH = Duration.ofSeconds(5);

  private final JdbcClient jdbc;
  private final Clock clock;
  private Map<MailboxStatus, Long> counts = Map.of();
  private Instant countedAt = Instant.MIN;

  public MailboxStatusGauges(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (MailboxStatus status : MailboxStatus.values()) {
      Gauge.builder(NAME, () -> count(status))
          .description("Mailboxes of all migrations by status")
          .tag("status", status.name())
          .register(registry);
    }
  }

  synchronized long count(MailboxStatus status) {
    Instant now = clock.instant();
    if (!now.isBefore(countedAt.plus(FRESH)) || now.isBefore(countedAt)) {
      Map<MailboxStatus, Long> fresh = new EnumMap<>(MailboxStatus.class);
      jdbc.sql("SELECT status, COUNT(*) AS n FROM mailbox GROUP BY status")
          .query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("n")))
          .list()
          .forEach(row -> known(row.getKey()).ifPresent(s -> fresh.put(s, row.getValue())));
      counts = fresh;
      countedAt = now;
    }
    return counts.getOrDefault(status, 0L);
  }

  private static java.util.Optional<MailboxStatus> known(String status) {
    for (MailboxStatus s : MailboxStatus.values()) {
      if (s.name().equals(status)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }
}
