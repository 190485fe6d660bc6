package org.cutover.migration.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.cutover.mailsync.SkippedItem;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.tenant.ThrottlingListener;
import org.springframework.stereotype.Component;

/**
 * What the runbook did, as Micrometer meters (scraped at {@code /actuator/prometheus}):
 *
 * <ul>
 *   <li>{@value #MESSAGES} and {@value #BYTES}, tagged {@code outcome}: {@code copied} (appended
 *       and stored as sent), {@code altered} (appended, stored rewritten by the target), {@code
 *       skipped} (too large, unreadable on the source), {@code rejected} (refused by the target);
 *       bytes of copied messages include the altered ones, as the pass counts them;
 *   <li>{@value #PASSES}, a timer tagged {@code mode} (INITIAL, INCREMENTAL, FINAL) and {@code
 *       outcome} ({@code synced}, {@code synced_with_errors}, {@code failed}, {@code retried},
 *       {@code stopped}, {@code needs_administrator});
 *   <li>{@value #THROTTLED}, tagged {@code endpoint}: host:port of a mail server that asked to
 *       wait, or the host of Microsoft Graph that answered 429 (as {@link ThrottlingListener});
 *   <li>{@value #DNS_STEPS}, tagged {@code kind} (the runbook step) and {@code outcome}.
 * </ul>
 *
 * Tags hold no address of a user and no secret: mailboxes and migrations are counted, not named.
 */
@Component
public class RunbookMetrics implements ThrottlingListener {

  static final String MESSAGES = "cutover.messages";
  static final String BYTES = "cutover.message.bytes";
  static final String PASSES = "cutover.passes";
  static final String THROTTLED = "cutover.throttled";
  static final String DNS_STEPS = "cutover.dns.steps";

  private final MeterRegistry registry;

  public RunbookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Where the application has no meter registry (a context without Actuator), nobody reads them.
   */
  @org.springframework.beans.factory.annotation.Autowired
  RunbookMetrics(org.springframework.beans.factory.ObjectProvider<MeterRegistry> registry) {
    this(registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** Meters nobody reads, for code built without Spring. */
  public static RunbookMetrics unread() {
    return new RunbookMetrics(new SimpleMeterRegistry());
  }

  /** A pass that ended with a report: its messages, bytes and time. */
  public void passEnded(String mode, MailboxSyncReport report, Duration took) {
    count("copied", report.messagesCopied(), report.bytesCopied());
    count("altered", report.messagesAltered(), 0);
    count("skipped", report.skippedItems(), false);
    count("rejected", report.skippedItems(), true);
    String outcome =
        switch (report.status()) {
          case SYNCED -> "synced";
          case SYNCED_WITH_ERRORS -> "synced_with_errors";
          default -> "failed";
        };
    passTimer(mode, outcome).record(took);
  }

  /**
   * A pass that ended without a report: {@code retried} (a passing trouble), {@code stopped} (its
   * lock or lease lost) or {@code needs_administrator}.
   */
  public void passInterrupted(String mode, String outcome, Duration took) {
    passTimer(mode, outcome).record(took);
  }

  /** A mail server or Microsoft Graph asked its clients to slow down. */
  @Override
  public void throttled(String endpoint) {
    Counter.builder(THROTTLED)
        .description("Answers of a server that asked Cutover to slow down")
        .tag("endpoint", endpoint)
        .register(registry)
        .increment();
  }

  /** A DNS step of the runbook ran to {@code outcome}. */
  public void dnsStep(String kind, String outcome) {
    Counter.builder(DNS_STEPS)
        .description("DNS steps of the runbook by kind and outcome")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  private void count(String outcome, List<SkippedItem> items, boolean rejected) {
    long messages = 0;
    long bytes = 0;
    for (SkippedItem item : items) {
      if ((item.reason() == SkippedItem.Reason.REJECTED_BY_TARGET) == rejected) {
        messages++;
        bytes += Math.max(0, item.size());
      }
    }
    count(outcome, messages, bytes);
  }

  private void count(String outcome, long messages, long bytes) {
    // Registered even at zero, so that a scrape shows every outcome from the first pass on.
    Counter.builder(MESSAGES)
        .description("Messages of mailbox passes by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment(messages);
    Counter.builder(BYTES)
        .description("Bytes of messages of mailbox passes by outcome")
        .baseUnit("bytes")
        .tag("outcome", outcome)
        .register(registry)
        .increment(bytes);
  }

  private Timer passTimer(String mode, String outcome) {
    return Timer.builder(PASSES)
        .description("Mailbox sync passes by mode and outcome")
        .tag("mode", mode)
        .tag("outcome", outcome)
        .register(registry);
  }
}
