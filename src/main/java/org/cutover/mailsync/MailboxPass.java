package org.cutover.mailsync;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one mailbox: log in to both sides, plan the folders, create the missing ones, then
 * sync folder pairs in parallel (each worker with its own source and target connection), retrying
 * passing failures with back-off. One folder failing does not stop the others.
 */
final class MailboxPass {

  private static final Logger log = LoggerFactory.getLogger(MailboxPass.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Logins and listings done beside a pass's own thread. */
  private static final ExecutorService SIDE_WORK =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "mailsync-side-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  /**
   * Messages that pay for one more pair of connections (two logins, a SELECT each): fewer are
   * copied sooner on the connections already open.
   */
  private static final long MESSAGES_PER_EXTRA_WORKER = 50;

  /**
   * A connection whose XOAUTH2 token expires within this is replaced before its next folder, with a
   * token its supplier renews (Exchange Online ends a session when its token expires).
   */
  private static final Duration TOKEN_RENEWAL_MARGIN = Duration.ofMinutes(5);

  /** The work of a folder whose size is not known yet: enough for every worker. */
  private static final long UNKNOWN_WORK = 1_000_000;

  private final ImapConnector connector;
  private final String mailboxKey;
  private final SourceAccount sourceAccount;
  private final TargetAccount targetAccount;
  private final SyncOptions options;
  private final SyncStateStore store;
  private final PassRecorder recorder;
  private final ByteBudget budget;
  private final ServerPushback pushback;
  private final AtomicReference<SyncOutcome> stop = new AtomicReference<>();
  private final long started = System.nanoTime();
  private FolderLister.Listing sourceListing;
  private FolderLister.Listing targetListing;
  private TargetFolders targets;
  private EarlyConnections early;

  MailboxPass(
      ImapConnector connector,
      String mailboxKey,
      SourceAccount source,
      TargetAccount target,
      SyncOptions options,
      SyncStateStore store,
      SyncProgressListener listener,
      PassGuard guard,
      ByteBudget budget,
      ServerPushback pushback) {
    this.connector = connector;
    this.mailboxKey = mailboxKey;
    this.sourceAccount = source;
    this.targetAccount = target;
    this.options = options;
    this.store = store;
    this.recorder = new PassRecorder(mailboxKey, listener, guard, options.badItemLimit());
    this.budget = budget;
    this.pushback = pushback;
  }

  /** Passes a server's request to slow down on; the pass itself goes on with its own retries. */
  private void tellPushback(ImapFailure f) {
    if (!f.serverAskedToWait() || f.server() == null) {
      return;
    }
    try {
      pushback.serverAskedToWait(f.server(), f.backoffHint(), f.getMessage());
    } catch (RuntimeException e) {
      log.warn("Mailbox {}: the server's request to wait was not passed on: {}", mailboxKey, e);
    }
  }

  /** Connections of one worker, opened when first needed and after a failure. */
  private final class Connections implements AutoCloseable {
    private ImapSession source;
    private ImapSession target;

    ImapSession source() {
      if (source != null && source.loginExpiresWithin(TOKEN_RENEWAL_MARGIN)) {
        // The server may end a session when its token expires: log in again with a fresh one.
        source.close();
        source = null;
      }
      if (source == null) {
        source = connector.open(sourceAccount, "source");
      }
      return source;
    }

    ImapSession target() {
      if (target != null && target.loginExpiresWithin(TOKEN_RENEWAL_MARGIN)) {
        target.close();
        target = null;
      }
      if (target == null) {
        target = connector.open(targetAccount, "target");
      }
      return target;
    }

    @Override
    public void close() {
      if (source != null) {
        source.close();
        source = null;
      }
      if (target != null) {
        target.close();
        target = null;
      }
    }
  }

  /**
   * Worker connections that log in while the folders are planned: on a first pass every worker is
   * needed, and a login costs about as much as planning. They log in to a side only once the pass's
   * own login there succeeded, so that a wrong password is tried once, not once per worker (servers
   * lock accounts after a few failures). One that fails is left to its worker, which opens its own
   * and handles the failure.
   */
  private final class EarlyConnections {
    private final Queue<Future<Connections>> opening = new ArrayDeque<>();

    EarlyConnections(int count, Future<Void> targetLoggedIn) {
      for (int i = 0; i < count; i++) {
        opening.add(
            SIDE_WORK.submit(
                LogContext.carried(
                    () -> {
                      Connections c = new Connections();
                      try {
                        c.source();
                        targetLoggedIn.get();
                        c.target();
                      } catch (ImapFailure | ExecutionException | CancellationException f) {
                        c.close();
                        return null;
                      }
                      return c;
                    })));
      }
    }

    /** Logged-in connections when one was opened early, else fresh ones. */
    synchronized Connections take() {
      Future<Connections> next = opening.poll();
      Connections c = next == null ? null : settled(next);
      return c != null ? c : new Connections();
    }

    /** Closes what no worker took (waiting for logins still under way). */
    synchronized void close() {
      for (Future<Connections> f; (f = opening.poll()) != null; ) {
        Connections c = settled(f);
        if (c != null) {
          c.close();
        }
      }
    }

    private Connections settled(Future<Connections> f) {
      try {
        return f.get();
      } catch (ExecutionException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(true);
        return null;
      }
    }
  }

  SyncOutcome run() {
    log.info(
        "Mailbox {}: pass started, {} -> {}",
        mailboxKey,
        sourceAccount.describe(),
        targetAccount.describe());
    Connections control = new Connections();
    try {
      FolderMapper.Plan plan = planWithRetries(control);
      if (plan == null) {
        return finish(null);
      }
      recorder.foldersTotal(plan.pairings().size());
      forgetVanishedFolders(plan);
      Work changed = changedFolders(plan.pairings(), control);
      runWorkers(changed, control);
      return finish(plan);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.compareAndSet(
          null,
          new SyncOutcome.Unavailable(
              statistics(),
              "The pass for mailbox "
                  + mailboxKey
                  + " was stopped before it finished; the next pass resumes where it stopped",
              recorder.errorLog(),
              recorder.notes()));
      return finish(null);
    } finally {
      if (early != null) {
        early.close();
      }
      control.close();
    }
  }

  private FolderMapper.Plan planWithRetries(Connections c) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return plan(c);
      } catch (ImapFailure f) {
        c.close();
        if (!handle(f, "preparing the folders", attempt)) {
          return null;
        }
      }
    }
  }

  /** Decides after a failure: true to retry (after waiting), false when the pass must stop. */
  private boolean handle(ImapFailure f, String during, int attempt) throws InterruptedException {
    tellPushback(f);
    if (!f.retryable()) {
      recorder.error(f.getMessage());
      stop.compareAndSet(null, needsAdministrator(f));
      return false;
    }
    recorder.error(
        f.getMessage() + " (attempt " + attempt + " of " + options.retry().maxAttempts() + ")");
    if (attempt >= options.retry().maxAttempts()) {
      stop.compareAndSet(
          null,
          new SyncOutcome.Unavailable(
              statistics(),
              "Mailbox "
                  + mailboxKey
                  + ": "
                  + during
                  + " failed "
                  + attempt
                  + " times; last: "
                  + f.getMessage(),
              recorder.errorLog(),
              recorder.notes()));
      return false;
    }
    Duration wait = options.retry().waitAfter(attempt, f.backoffHint());
    log.info("Mailbox {}: retrying {} in {} ms", mailboxKey, during, wait.toMillis());
    Thread.sleep(wait.toMillis());
    return true;
  }

  private SyncOutcome needsAdministrator(ImapFailure f) {
    return new SyncOutcome.NeedsAdministrator(
        statistics(), f.getMessage(), recorder.errorLog(), recorder.notes(), f.refusedLogin());
  }

  private FolderMapper.Plan plan(Connections c) throws InterruptedException {
    // Both sides log in and list at once: a login costs the server a process, and waiting for
    // one before starting the other doubles the wait.
    CompletableFuture<Void> targetLoggedIn = new CompletableFuture<>();
    Future<FolderLister.Listing> targetSide =
        SIDE_WORK.submit(
            LogContext.carried(
                () -> {
                  ImapSession t;
                  try {
                    t = c.target();
                  } catch (RuntimeException | Error e) {
                    targetLoggedIn.completeExceptionally(e);
                    throw e;
                  }
                  targetLoggedIn.complete(null);
                  return FolderLister.list(t, false);
                }));
    FolderLister.Listing source;
    try {
      try {
        ImapSession s = c.source();
        if (early == null && options.parallelFolders() > 1 && store.folders(mailboxKey).isEmpty()) {
          early = new EarlyConnections(options.parallelFolders() - 1, targetLoggedIn);
        }
        source = FolderLister.list(s, true);
      } catch (RuntimeException e) {
        // the caller closes the connections: not while the other side still uses them
        awaitQuietly(targetSide);
        throw e;
      }
      targetListing = awaitSide(targetSide);
    } finally {
      targetLoggedIn.cancel(false); // early workers stop waiting if the side never logged in
    }
    sourceListing = source;
    FolderMapper.Plan plan = FolderMapper.plan(source, targetListing, options);
    plan.notes().forEach(recorder::note);
    targets = new TargetFolders(mailboxKey, plan, targetListing, recorder);
    return plan;
  }

  private static void awaitQuietly(Future<?> side) throws InterruptedException {
    try {
      side.get();
    } catch (ExecutionException ignored) {
      // the failure on this thread is the one reported
    }
  }

  /** The result of work done beside this thread; its failure as if it had happened here. */
  private static <T> T awaitSide(Future<T> side) throws InterruptedException {
    try {
      return side.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      side.cancel(true);
      throw e;
    }
  }

  /**
   * The folder pairs that may need work. A pair is left out, without opening it, when the source
   * folder's STATUS (UIDVALIDITY, UIDNEXT, MESSAGES and HIGHESTMODSEQ, which moves with every flag
   * change and expunge) and the target folder's UIDVALIDITY are what the last clean pass recorded.
   * The STATUS comes with the LIST where the server offers LIST-STATUS, else one STATUS command per
   * folder on the connection already open; servers without CONDSTORE always get the full check.
   */
  private Work changedFolders(List<FolderPairing> pairings, Connections c) {
    List<FolderPairing> changed = new ArrayList<>();
    long expected = 0;
    boolean modSeqs = c.source().has("CONDSTORE");
    for (FolderPairing p : pairings) {
      FolderSyncState st =
          modSeqs && p.targetExists()
              ? store.loadSummary(mailboxKey, p.source().name()).orElse(null)
              : null;
      if (st == null
          || st.sourceModSeq() <= 0
          || !st.pending().isEmpty()
          || !st.targetFolder().equals(p.targetName())) {
        changed.add(p);
        ImapCommands.FolderStatus listed = sourceListing.statuses().get(p.source().name());
        expected += listed == null || listed.messages() < 0 ? UNKNOWN_WORK : listed.messages();
        continue;
      }
      ImapCommands.FolderStatus s = sourceListing.statuses().get(p.source().name());
      if (s == null) {
        s =
            c.source()
                .call(
                    "STATUS " + p.source().name(),
                    proto -> ImapCommands.status(proto, p.source().name(), true));
      }
      ImapCommands.FolderStatus t = targetListing.statuses().get(p.targetName());
      if (t == null) {
        t =
            c.target()
                .call(
                    "STATUS " + p.targetName(),
                    proto -> ImapCommands.status(proto, p.targetName(), false));
      }
      boolean unchanged =
          s != null
              && t != null
              && s.uidValidity() == st.sourceUidValidity()
              && t.uidValidity() == st.targetUidValidity()
              && s.highestModSeq() == st.sourceModSeq()
              && s.uidNext() == st.sourceUidNext()
              && s.messages() == st.sourceMessages();
      if (unchanged) {
        targets.prepare(c.target(), p); // a subscription made on the source since the last pass
        recorder.folderDone(p.source().displayPath());
      } else {
        changed.add(p);
        expected +=
            s == null || s.uidValidity() != st.sourceUidValidity()
                ? UNKNOWN_WORK
                : Math.max(1, s.uidNext() - st.sourceUidNext());
      }
    }
    return new Work(changed, expected);
  }

  /**
   * The folders a pass works on and about how many messages they bring (new UIDs, or every message
   * on first contact): a few new messages are not worth the logins of more connections.
   */
  private record Work(List<FolderPairing> folders, long expectedMessages) {}

  private void forgetVanishedFolders(FolderMapper.Plan plan) {
    Set<String> present = new HashSet<>();
    plan.pairings().forEach(p -> present.add(p.source().name()));
    for (String folder : store.folders(mailboxKey)) {
      if (!present.contains(folder)) {
        recorder.note(
            "Source folder '"
                + folder
                + "' is gone (deleted on the source, or now excluded): its copies stay on the"
                + " target and are no longer kept in step");
        store.deleteFolder(mailboxKey, folder);
      }
    }
  }

  private void runWorkers(Work work, Connections control) throws InterruptedException {
    List<FolderPairing> pairings = work.folders();
    ConcurrentLinkedQueue<FolderPairing> queue = new ConcurrentLinkedQueue<>(pairings);
    int workers =
        (int)
            Math.min(
                Math.min(options.parallelFolders(), Math.max(1, pairings.size())),
                1 + work.expectedMessages() / MESSAGES_PER_EXTRA_WORKER);
    FolderSynchronizer folders =
        new FolderSynchronizer(mailboxKey, options, store, recorder, budget);
    ExecutorService pool =
        workers > 1
            ? Executors.newFixedThreadPool(
                workers - 1,
                r -> {
                  Thread t = new Thread(r, "mailsync-" + THREADS.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                })
            : null;
    List<Future<?>> running = new ArrayList<>();
    try {
      for (int i = 1; i < workers; i++) {
        running.add(
            pool.submit(
                LogContext.carried(
                    () -> {
                      try (Connections own = early != null ? early.take() : new Connections()) {
                        work(queue, own, folders);
                      }
                      return null;
                    })));
      }
      work(queue, control, folders);
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          recorder.error("A folder worker stopped unexpectedly: " + cause);
          log.error("Mailbox {}: folder worker failed", mailboxKey, cause);
          stop.compareAndSet(
              null, failed("A folder worker stopped unexpectedly: " + ImapFailures.message(cause)));
        }
      }
    } catch (InterruptedException e) {
      running.forEach(f -> f.cancel(true));
      throw e;
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private void work(
      ConcurrentLinkedQueue<FolderPairing> queue, Connections c, FolderSynchronizer folders)
      throws InterruptedException {
    FolderPairing next;
    while (stop.get() == null && (next = queue.poll()) != null) {
      syncFolder(next, c, folders);
    }
  }

  private void syncFolder(FolderPairing pairing, Connections c, FolderSynchronizer folders)
      throws InterruptedException {
    String shown = pairing.source().displayPath();
    for (int attempt = 1; stop.get() == null; attempt++) {
      try {
        recorder.beforeWrite();
        if (!targets.prepare(c.target(), pairing)) {
          return;
        }
        folders.sync(c.source(), c.target(), pairing);
        recorder.folderDone(shown);
        return;
      } catch (ImapFailure f) {
        c.close();
        tellPushback(f);
        boolean retryable = attempt > 1 ? f.retryableAfterDrop() : f.retryable();
        if (!retryable && f.problem() == EndpointProblem.COMMAND_REFUSED) {
          recorder.folderFailed(shown, f.getMessage(), false);
          return;
        }
        if (!retryable) {
          recorder.error(f.getMessage());
          stop.compareAndSet(null, needsAdministrator(f));
          return;
        }
        recorder.error(
            "Folder '"
                + shown
                + "': "
                + f.getMessage()
                + " (attempt "
                + attempt
                + " of "
                + options.retry().maxAttempts()
                + ")");
        if (attempt >= options.retry().maxAttempts()) {
          recorder.folderFailed(shown, f.getMessage(), true);
          return;
        }
        Duration wait = options.retry().waitAfter(attempt, f.backoffHint());
        Thread.sleep(wait.toMillis());
      } catch (BadItemLimitExceeded e) {
        recorder.error(e.getMessage());
        stop.compareAndSet(null, failed(e.getMessage()));
        return;
      } catch (PassRevoked e) {
        String problem =
            "The pass for mailbox "
                + mailboxKey
                + " stopped before writing to the target: "
                + e.getMessage();
        recorder.error(problem);
        stop.compareAndSet(
            null, new SyncOutcome.Unavailable(statistics(), problem, recorder.errorLog()));
        return;
      } catch (UncheckedIOException e) {
        recorder.folderFailed(
            shown,
            "local file trouble: "
                + e.getMessage()
                + " ("
                + ImapFailures.message(e.getCause())
                + "); check that folder's space and rights",
            false);
        return;
      }
    }
  }

  private SyncOutcome failed(String problem) {
    return new SyncOutcome.Failed(
        statistics(),
        problem,
        recorder.errorLog(),
        recorder.skippedItems(),
        recorder.failedFolders(),
        recorder.notes(),
        recorder.tallies());
  }

  private SyncStatistics statistics() {
    return recorder.statistics(Duration.ofNanos(System.nanoTime() - started));
  }

  private SyncOutcome finish(FolderMapper.Plan plan) {
    SyncOutcome stopped = stop.get();
    SyncOutcome outcome;
    if (stopped != null) {
      outcome = refresh(stopped);
    } else if (!recorder.failedFolders().isEmpty()) {
      List<SkippedFolder> failedFolders = recorder.failedFolders();
      String problem =
          failedFolders.size()
              + " folder(s) of mailbox "
              + mailboxKey
              + " could not be synced in this pass: "
              + failedFolders.get(0).folder()
              + " ("
              + failedFolders.get(0).reason()
              + ")"
              + (failedFolders.size() > 1 ? " and others, see the error log" : "");
      outcome =
          recorder.allFailuresMayPass()
              ? new SyncOutcome.Unavailable(
                  statistics(), problem, recorder.errorLog(), recorder.notes())
              : failed(problem);
    } else {
      outcome =
          new SyncOutcome.Synced(
              statistics(),
              recorder.skippedItems(),
              plan == null ? List.of() : plan.excluded(),
              recorder.notes(),
              recorder.tallies());
    }
    SyncStatistics s = outcome.statistics();
    log.info(
        "Mailbox {}: pass ended {} after {} ms: {} folders, {} copied ({} bytes), {} flag updates,"
            + " {} matched, {} altered by the target, {} skipped, {} refused, {} deleted on target",
        mailboxKey,
        outcome.getClass().getSimpleName(),
        s.elapsed().toMillis(),
        s.foldersSynced(),
        s.messagesCopied(),
        s.bytesCopied(),
        s.flagsUpdated(),
        s.messagesMatched(),
        s.messagesAltered(),
        s.messagesSkipped(),
        s.messagesRejected(),
        s.deletedOnTarget());
    return outcome;
  }

  /** The stopping outcome with the statistics and log as they are at the end. */
  private SyncOutcome refresh(SyncOutcome o) {
    if (o instanceof SyncOutcome.NeedsAdministrator n) {
      return new SyncOutcome.NeedsAdministrator(
          statistics(), n.problem(), recorder.errorLog(), recorder.notes(), n.refusedLogin());
    }
    if (o instanceof SyncOutcome.Unavailable u) {
      return new SyncOutcome.Unavailable(
          statistics(), u.problem(), recorder.errorLog(), recorder.notes());
    }
    if (o instanceof SyncOutcome.Failed f) {
      return failed(f.problem());
    }
    return o;
  }
}
