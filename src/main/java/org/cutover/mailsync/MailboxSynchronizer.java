package org.cutover.mailsync;

import jakarta.mail.Session;
import java.util.Objects;
import java.util.Properties;

/**
 * Syncs one mailbox from a source IMAP server to a target IMAP server: the engine's entry point.
 * One instance serves a whole process; passes may run concurrently from several threads, and the
 * number of mailboxes per endpoint is limited by the shared {@link EndpointGate}. Memory held for
 * message bytes by all passes together stays within the memory budget.
 */
public final class MailboxSynchronizer {

  private final EndpointGate gate;
  private final ByteBudget budget;
  private final ServerPushback pushback;
  private final ImapConnector connector = new ImapConnector();

  /**
   * Message bytes held in memory at most, whatever the heap: more does not copy faster (each folder
   * worker needs a batch in flight, not more), and a larger pool of arrays would only make the
   * process bigger.
   */
  static final long MEMORY_BUDGET_LIMIT = 32L << 20;

  /** A gate of its own and a memory budget of an eighth of the heap, from 16 up to 32 MiB. */
  public MailboxSynchronizer() {
    this(new EndpointGate(), defaultMemoryBudget());
  }

  public MailboxSynchronizer(EndpointGate gate, long memoryBudgetBytes) {
    this(gate, memoryBudgetBytes, ServerPushback.NONE);
  }

  /**
   * @param pushback told whenever a server of a pass asks its clients to slow down
   */
  public MailboxSynchronizer(EndpointGate gate, long memoryBudgetBytes, ServerPushback pushback) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.budget = new ByteBudget(memoryBudgetBytes);
    this.pushback = Objects.requireNonNull(pushback, "pushback");
  }

  /** A gate of its own and the default memory budget, telling {@code pushback} of back-offs. */
  public static MailboxSynchronizer withPushback(ServerPushback pushback) {
    return new MailboxSynchronizer(new EndpointGate(), defaultMemoryBudget(), pushback);
  }

  private static long defaultMemoryBudget() {
    return Math.max(16L << 20, Math.min(MEMORY_BUDGET_LIMIT, Runtime.getRuntime().maxMemory() / 8));
  }

  /**
   * Does once, ahead, what the first connection of a process would otherwise do while every mailbox
   * waits for it: the mail library reads its providers and sets up its logging. A caller with a
   * spare thread calls this while it prepares the batch.
   */
  public static void prepareFirstConnection() {
    Session.getInstance(new Properties());
  }

  /**
   * Runs one pass: the first copies everything, later ones copy what is new, bring changed flags
   * across and apply the deletion policy. A pass stopped at any moment (killed, connection lost)
   * resumes on the next call without duplicates or losses. Never throws for server trouble: the
   * outcome says what happened.
   *
   * @param mailboxKey identifies the mailbox pair in {@code state} (for example its id)
   * @param source where mail is read (read-only)
   * @param target where mail is written
   * @param options how the pass runs
   * @param state where UID state is kept between passes
   * @param progress told after every batch and folder
   */
  public SyncOutcome sync(
      String mailboxKey,
      SourceAccount source,
      TargetAccount target,
      SyncOptions options,
      SyncStateStore state,
      SyncProgressListener progress) {
    return sync(mailboxKey, source, target, options, state, progress, PassGuard.NONE);
  }

  /**
   * Runs one pass as {@link #sync(String, SourceAccount, TargetAccount, SyncOptions,
   * SyncStateStore, SyncProgressListener)} does, asking {@code guard} before every write to the
   * target: when it answers with a reason, the pass ends at once as {@link SyncOutcome.Unavailable}
   * with that reason, the write not made.
   */
  public SyncOutcome sync(
      String mailboxKey,
      SourceAccount source,
      TargetAccount target,
      SyncOptions options,
      SyncStateStore state,
      SyncProgressListener progress,
      PassGuard guard) {
    Objects.requireNonNull(guard, "guard");
    if (mailboxKey == null || mailboxKey.isBlank()) {
      throw new IllegalArgumentException("A mailbox pass needs a mailbox key for its sync state");
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(state, "state");
    SyncProgressListener listener = progress == null ? SyncProgressListener.NONE : progress;
    try (EndpointGate.Permit permit = gate.enter(source.endpoint(), target.endpoint())) {
      return new MailboxPass(
              connector,
              mailboxKey,
              source,
              target,
              options,
              state,
              listener,
              guard,
              budget,
              pushback)
          .run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SyncOutcome.Unavailable(
          SyncStatistics.none(),
          "The pass for mailbox " + mailboxKey + " was stopped while waiting for its turn",
          java.util.List.of());
    }
  }
}
