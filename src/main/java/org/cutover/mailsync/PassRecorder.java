package org.cutover.mailsync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts, skipped items, folder failures, notes and the error log of one mailbox pass. */
final class PassRecorder {

  private static final Logger log = LoggerFactory.getLogger(PassRecorder.class);
  private static final int MAX_LOG_LINES = 500;

  private final String mailboxKey;
  private final SyncProgressListener listener;
  private final PassGuard guard;
  private final int badItemLimit;
  private volatile int foldersTotal;

  private final AtomicInteger foldersDone = new AtomicInteger();
  private final AtomicLong copied = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong messagesToCopy = new AtomicLong();
  private final AtomicLong bytesToCopy = new AtomicLong();
  private final AtomicLong flags = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong matched = new AtomicLong();
  private final AtomicLong altered = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();

  private final List<SkippedItem> skippedItems = new ArrayList<>();
  private final List<SkippedFolder> failedFolders = new ArrayList<>();
  private final List<FolderTally> tallies = new ArrayList<>();
  private final Set<String> notes = new LinkedHashSet<>();
  private final List<String> errorLog = new ArrayList<>();
  private boolean allFailuresMayPass = true;

  PassRecorder(
      String mailboxKey, SyncProgressListener listener, PassGuard guard, int badItemLimit) {
    this.mailboxKey = mailboxKey;
    this.listener = listener;
    this.guard = guard;
    this.badItemLimit = badItemLimit;
  }

  void foldersTotal(int total) {
    this.foldersTotal = total;
  }

  /** Messages a folder's inventory found to copy: the pass's total grows folder by folder. */
  void toCopy(long messages, long byteCount) {
    messagesToCopy.addAndGet(messages);
    bytesToCopy.addAndGet(byteCount);
  }

  /** Stops the pass (throws) when its guard no longer allows writing to the target. */
  void beforeWrite() {
    String reason = guard.stopReason();
    if (reason != null) {
      throw new PassRevoked(reason);
    }
  }

  void copied(long messages, long byteCount) {
    copied.addAndGet(messages);
    bytes.addAndGet(byteCount);
  }

  void flagsUpdated(long messages) {
    flags.addAndGet(messages);
  }

  void matched(long messages) {
    matched.addAndGet(messages);
  }

  void altered(long messages) {
    altered.addAndGet(messages);
  }

  void deleted(long messages) {
    deleted.addAndGet(messages);
  }

  synchronized void skipped(SkippedItem item) {
    skipped.incrementAndGet();
    skippedItems.add(item);
    log.info(
        "Mailbox {}: message {} in '{}' ({} bytes) not copied: {} ({})",
        mailboxKey,
        item.sourceUid(),
        item.folder(),
        item.size(),
        item.reason(),
        item.detail());
  }

  /** A message the target refused; throws once more than the bad-item limit were refused. */
  void rejected(SkippedItem item) {
    long count;
    synchronized (this) {
      count = rejected.incrementAndGet();
      skippedItems.add(item);
      error(
          "Message "
              + item.sourceUid()
              + " in '"
              + item.folder()
              + "' ("
              + item.size()
              + " bytes) refused by the target: "
              + item.detail());
    }
    if (count > badItemLimit) {
      throw new BadItemLimitExceeded(
          "The target refused "
              + count
              + " messages, more than the bad-item limit of "
              + badItemLimit
              + "; see the error log for each message, then raise the limit or fix the messages");
    }
  }

  /**
   * Names the skipped messages of {@code folder} by what their header sections say, for those the
   * source answered for.
   */
  synchronized void describe(String folder, java.util.Map<Long, MessageEnvelope> envelopes) {
    skippedItems.replaceAll(
        item ->
            item.folder().equals(folder)
                    && item.messageId() == null
                    && item.subject() == null
                    && envelopes.containsKey(item.sourceUid())
                ? item.describedBy(envelopes.get(item.sourceUid()))
                : item);
  }

  synchronized void note(String note) {
    if (notes.add(note)) {
      log.info("Mailbox {}: {}", mailboxKey, note);
    }
  }

  synchronized void error(String line) {
    log.warn("Mailbox {}: {}", mailboxKey, line);
    if (errorLog.size() < MAX_LOG_LINES) {
      errorLog.add(line);
    } else if (errorLog.size() == MAX_LOG_LINES) {
      errorLog.add("(further errors left out)");
    }
  }

  synchronized void folderFailed(String folder, String reason, boolean mayPass) {
    failedFolders.add(new SkippedFolder(folder, reason));
    allFailuresMayPass &= mayPass;
    error("Folder '" + folder + "' not synced in this pass: " + reason);
  }

  void folderDone(String folder) {
    foldersDone.incrementAndGet();
    progress(folder);
  }

  void progress(String folder) {
    SyncProgress p =
        new SyncProgress(
            mailboxKey,
            folder,
            foldersDone.get(),
            foldersTotal,
            copied.get(),
            bytes.get(),
            messagesToCopy.get(),
            bytesToCopy.get());
    synchronized (listener) {
      listener.onProgress(p);
    }
  }

  SyncStatistics statistics(Duration elapsed) {
    return new SyncStatistics(
        foldersDone.get(),
        copied.get(),
        bytes.get(),
        flags.get(),
        skipped.get(),
        rejected.get(),
        matched.get(),
        altered.get(),
        deleted.get(),
        elapsed);
  }

  synchronized void tally(FolderTally tally) {
    tallies.add(tally);
  }

  synchronized List<FolderTally> tallies() {
    return List.copyOf(tallies);
  }

  synchronized List<SkippedItem> skippedItems() {
    return List.copyOf(skippedItems);
  }

  synchronized List<SkippedFolder> failedFolders() {
    return List.copyOf(failedFolders);
  }

  synchronized boolean allFailuresMayPass() {
    return allFailuresMayPass;
  }

  synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  synchronized List<String> errorLog() {
    return List.copyOf(errorLog);
  }
}
