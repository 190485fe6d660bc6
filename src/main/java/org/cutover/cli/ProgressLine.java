package org.cutover.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cutover.mailsync.SyncProgress;
import org.cutover.mailsync.SyncProgressListener;

/**
 * One line on a terminal's standard error, rewritten twice a second while the mailboxes sync:
 * mailboxes done and running, messages and megabytes copied, the rate. On anything but a terminal
 * it writes nothing but the lines it is given.
 */
final class ProgressLine implements AutoCloseable {

  private final PrintStream err;
  private final boolean live;
  private final int mailboxes;
  private final long started = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final ConcurrentHashMap<String, SyncProgress> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker;
  private long finishedMessages;
  private long finishedBytes;
  private int shownLength;

  ProgressLine(PrintStream err, boolean live, int mailboxes) {
    this.err = err;
    this.live = live;
    this.mailboxes = mailboxes;
    if (live) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "sync-progress-line");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::redraw, 500, 500, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /** True when standard error goes to a terminal a person watches. */
  static boolean onTerminal() {
    return System.console() != null;
  }

  /** The listener of one mailbox's pass. */
  SyncProgressListener mailbox(String key) {
    return live ? progress -> running.put(key, progress) : SyncProgressListener.NONE;
  }

  /** A mailbox finished: its line is printed above the progress line. */
  synchronized void finished(String key, String line) {
    SyncProgress last = running.remove(key);
    if (last != null) {
      finishedMessages += last.messagesCopied();
      finishedBytes += last.bytesCopied();
    }
    done.incrementAndGet();
    clear();
    err.println(line);
    draw();
  }

  synchronized void redraw() {
    clear();
    draw();
  }

  private void draw() {
    if (!live) {
      return;
    }
    long messages = finishedMessages;
    long bytes = finishedBytes;
    for (SyncProgress p : running.values()) {
      messages += p.messagesCopied();
      bytes += p.bytesCopied();
    }
    double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
    String text =
        String.format(
            Locale.ROOT,
            "%d/%d mailboxes done, %d syncing, %d messages, %.1f MB, %.1f MB/s",
            done.get(),
            mailboxes,
            running.size(),
            messages,
            bytes / 1e6,
            bytes / 1e6 / seconds);
    err.print("\r" + text);
    err.flush();
    shownLength = text.length();
  }

  private void clear() {
    if (live && shownLength > 0) {
      err.print("\r" + " ".repeat(shownLength) + "\r");
      shownLength = 0;
    }
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    clear();
    err.flush();
  }
}
