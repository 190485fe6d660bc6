package org.cutover.migration.milestones;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tries the milestone mails the SMTP server did not take again, every {@code
 * cutover.milestones.retry-interval} (default one minute), on one thread of its own.
 */
@Component
class MilestoneMailRetry implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MilestoneMailRetry.class);

  private final StoredMilestoneMails mails;
  private final Duration interval;
  private ScheduledExecutorService timer;

  MilestoneMailRetry(
      StoredMilestoneMails mails,
      @Value("${cutover.milestones.retry-interval:PT1M}") Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "cutover.milestones.retry-interval must be a positive duration, such as PT1M");
    }
    this.mails = mails;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "milestone-mail-retry");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        this::sendPending, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sendPending() {
    try {
      mails.sendPending();
    } catch (RuntimeException e) {
      log.warn("Milestone mails not tried again this time: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
