package org.cutover.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cutover.launch.BoundedJvm;
import org.cutover.mailsync.JournalSyncStateStore;
import org.cutover.mailsync.MailboxSynchronizer;
import org.cutover.mailsync.SyncOptions;
import org.cutover.mailsync.SyncOutcome;
import org.cutover.mailsync.SyncProgressListener;
import org.cutover.mailsync.SyncStatistics;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar cutover.jar sync --spec FILE}: syncs every mailbox pair of the spec, prints a
 * table, and exits 0 only when every mailbox was copied completely (1 when one was not, 2 when the
 * spec or the command line cannot be used). Runs without the application: no engine, no web server,
 * no application database.
 */
public final class SyncCommand {

  static final int COMPLETE = 0;
  static final int INCOMPLETE = 1;
  static final int UNUSABLE = 2;

  private static final String USAGE =
      """
      Usage: java -jar cutover.jar sync --spec FILE [--json]

      Copies every mailbox pair that FILE (JSON) names from the source to the target IMAP server.
      Running it again copies only what changed: the UID state is kept in the folder the spec's
      "state" names. Passwords and tokens come only from files or environment variables named in
      the spec. README.md describes the spec. On a terminal a progress line shows how far the run
      is; --json prints the result as one JSON object instead of the table.

      Exit status: 0 every mailbox copied completely, 1 a mailbox failed or left messages out
      (see the table), 2 the spec or the command line cannot be used.
      """;

  private SyncCommand() {}

  /** Runs the command and ends the process with its exit status. */
  public static void main(String[] args) {
    SyncLogging.select();
    OptionalInt elsewhere = BoundedJvm.runElsewhere();
    if (elsewhere.isPresent()) {
      System.exit(elsewhere.getAsInt());
    }
    BoundedJvm.endWithStarter();
    CountDownLatch loggingReady = prepareInBackground();
    System.exit(run(args, System.getenv(), System.out, System.err, loggingReady));
  }

  /**
   * Sets up logging and then prepares what the first mailboxes would otherwise wait for (the mail
   * library, the digest that names state files) on a second thread, while this one reads the spec:
   * on a short incremental run, starting up is a good part of the whole. (Setting up the mail
   * library's date parser there as well cost a run with nothing to copy more than it saved one that
   * copies.) Nothing logs before logging is set up: reading the spec does not log, and the sync
   * waits for it. (A logger asked for while logging is being set up would have its events queued
   * and replayed, with a warning from SLF4J on standard error.)
   */
  private static CountDownLatch prepareInBackground() {
    CountDownLatch loggingReady = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              try {
                LoggerFactory.getILoggerFactory();
              } finally {
                loggingReady.countDown();
              }
              MailboxSynchronizer.prepareFirstConnection();
              StateFolder.prepare();
            },
            "sync-startup");
    t.setDaemon(true);
    t.start();
    return loggingReady;
  }

  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    return run(args, environment, out, err, new CountDownLatch(0));
  }

  private static int run(
      String[] args,
      Map<String, String> environment,
      PrintStream out,
      PrintStream err,
      CountDownLatch loggingReady) {
    Path spec = null;
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          out.print(USAGE);
          return COMPLETE;
        }
        case "--spec" -> {
          if (i + 1 >= args.length) {
            err.print("sync: --spec needs a file\n\n" + USAGE);
            return UNUSABLE;
          }
          spec = Path.of(args[++i]);
        }
        case "--json" -> json = true;
        default -> {
          err.print("sync: unknown argument " + args[i] + "\n\n" + USAGE);
          return UNUSABLE;
        }
      }
    }
    if (spec == null) {
      err.print("sync: name the spec with --spec FILE\n\n" + USAGE);
      return UNUSABLE;
    }
    SyncPlan plan;
    try {
      plan = new SpecReader(environment).read(spec);
    } catch (SpecProblem problem) {
      err.println("sync: " + spec + ": " + problem.getMessage());
      return UNUSABLE;
    }
    try {
      loggingReady.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return INCOMPLETE;
    }
    try (StateFolder state = StateFolder.open(plan.state())) {
      long started = System.nanoTime();
      List<MailboxResult> results;
      try (ProgressLine progress =
          new ProgressLine(err, ProgressLine.onTerminal(), plan.mailboxes().size())) {
        results = sync(plan, state, progress);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (json) {
        ResultJson.print(results, elapsed, out);
      } else {
        ResultTable.print(results, elapsed, out);
      }
      return results.stream().allMatch(MailboxResult::complete) ? COMPLETE : INCOMPLETE;
    } catch (SpecProblem problem) {
      err.println("sync: " + spec + ": " + problem.getMessage());
      return UNUSABLE;
    }
  }

  private static List<MailboxResult> sync(SyncPlan plan, StateFolder state, ProgressLine progress) {
    MailboxSynchronizer synchronizer = new MailboxSynchronizer();
    ExecutorService pool = Executors.newFixedThreadPool(plan.concurrentMailboxes());
    try {
      List<Future<MailboxResult>> running = new ArrayList<>();
      for (SyncPlan.MailboxRun run : plan.mailboxes()) {
        running.add(
            pool.submit(
                () -> {
                  SyncOutcome outcome =
                      syncOne(synchronizer, run, plan, state, progress.mailbox(run.key()));
                  MailboxResult result = new MailboxResult(run.label(), outcome);
                  progress.finished(
                      run.key(),
                      "sync: "
                          + run.label()
                          + ": "
                          + result.status()
                          + ", "
                          + outcome.statistics().messagesCopied()
                          + " copied");
                  return result;
                }));
      }
      List<MailboxResult> results = new ArrayList<>();
      for (Future<MailboxResult> result : running) {
        results.add(result.get());
      }
      return results;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sync interrupted", interrupted);
    } catch (ExecutionException crashed) {
      throw new IllegalStateException("a mailbox sync crashed", crashed.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One mailbox pair's pass, with its own state file open while it runs. */
  private static SyncOutcome syncOne(
      MailboxSynchronizer synchronizer,
      SyncPlan.MailboxRun run,
      SyncPlan plan,
      StateFolder state,
      SyncProgressListener listener) {
    JournalSyncStateStore store;
    try {
      store = state.mailbox(run.key());
    } catch (IOException | UncheckedIOException unusable) {
      return stateProblem(run, state, unusable);
    }
    // Large messages are spooled in the state folder's own area, which this run has locked.
    SyncOptions options =
        plan.options().toBuilder()
            .largeMessages(plan.options().largeMessageBytes(), state.spool())
            .build();
    try (store) {
      return synchronizer.sync(run.key(), run.source(), run.target(), options, store, listener);
    }
  }

  private static SyncOutcome stateProblem(
      SyncPlan.MailboxRun run, StateFolder state, Exception problem) {
    String text =
        "The state file of "
            + run.label()
            + " in "
            + state.path()
            + " cannot be used: "
            + problem.getMessage()
            + ". Check the folder's space and rights; a run with a new state folder matches what"
            + " is already on the target instead of copying it again";
    return new SyncOutcome.Failed(SyncStatistics.none(), text, List.of(text), List.of(), List.of());
  }
}
