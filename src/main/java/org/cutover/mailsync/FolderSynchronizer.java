package org.cutover.mailsync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongPredicate;
import org.cutover.mailsync.ImapCommands.Appended;
import org.cutover.mailsync.ImapCommands.Identified;
import org.cutover.mailsync.ImapCommands.MailboxState;
import org.eclipse.angus.mail.iap.ByteArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one folder pair: reconciles the stored UID state with both servers, copies what is
 * new, brings changed flags across and handles messages deleted on the source.
 *
 * <p>Every APPEND is recorded as pending (with the fingerprint of the bytes sent and the target's
 * UIDNEXT before it) before it is sent, and recorded as synced after its answer. A pass that dies
 * in between finds the copy by fingerprint among the target's new UIDs before appending again, so
 * no message is duplicated or lost, and duplicates on the source stay duplicates.
 */
final class FolderSynchronizer {

  private static final Logger log = LoggerFactory.getLogger(FolderSynchronizer.class);
  private static final int PART_BYTES = 1 << 20;
  private static final int MAX_RANGES = 400;
  private static final String EMPTY = "the source returned no content";

  /** Keywords Dovecot's maildir storage keeps per folder in its file names (a to z). */
  static final int MAILDIR_KEYWORDS = 26;

  private final String mailboxKey;
  private final SyncOptions options;
  private final SyncStateStore store;
  private final PassRecorder recorder;
  private final ByteBudget budget;

  FolderSynchronizer(
      String mailboxKey,
      SyncOptions options,
      SyncStateStore store,
      PassRecorder recorder,
      ByteBudget budget) {
    this.mailboxKey = mailboxKey;
    this.options = options;
    this.store = store;
    this.recorder = recorder;
    this.budget = budget;
  }

  /** Runs the pass; returns normally when the folder pair is in sync. */
  void sync(ImapSession src, ImapSession dst, FolderPairing pairing) throws InterruptedException {
    new Pass(src, dst, pairing).run();
  }

  private final class Pass {
    private final ImapSession src;
    private final ImapSession dst;
    private final String srcName;
    private final String dstName;
    private final String shown;
    private MailboxState source;
    private MailboxState target;
    private final Map<Long, SyncedMessage> synced = new HashMap<>();
    private long targetNext;
    private boolean clean = true;
    private final Set<String> droppedFlags = java.util.Collections.synchronizedSet(new TreeSet<>());
    private final Set<Long> altered = new TreeSet<>();

    /** Source UIDs of this folder's messages skipped or refused in this pass. */
    private final List<Long> skippedHere = new ArrayList<>();

    private long skippedBytesHere;
    private long copiedHere;
    private long copiedBytesHere;
    private final CopyDigest copiedDigest = new CopyDigest();

    Pass(ImapSession src, ImapSession dst, FolderPairing pairing) {
      this.src = src;
      this.dst = dst;
      this.srcName = pairing.source().name();
      this.dstName = pairing.targetName();
      this.shown = pairing.source().displayPath();
    }

    void run() throws InterruptedException {
      try {
        source = src.call("EXAMINE " + srcName, p -> ImapCommands.open(p, srcName, true));
      } catch (ImapFailure f) {
        if (f.problem() == EndpointProblem.COMMAND_REFUSED && saysNoSuchFolder(f.getMessage())) {
          throw folderGone();
        }
        throw f;
      }
      target = dst.call("SELECT " + dstName, p -> ImapCommands.open(p, dstName, false));
      targetNext = Math.max(1, target.uidNext());
      FolderSyncState state = store.load(mailboxKey, srcName).orElse(null);
      long changedSince = 0;
      if (state == null
          || state.sourceUidValidity() != source.uidValidity()
          || state.targetUidValidity() != target.uidValidity()
          || !state.targetFolder().equals(dstName)) {
        rematch(state);
      } else {
        state.synced().forEach(m -> synced.put(m.sourceUid(), m));
        if (!state.pending().isEmpty()) {
          settlePending(state.pending());
        } else if (unchangedSince(state)) {
          log.debug("Mailbox {}: '{}' unchanged since the last pass", mailboxKey, shown);
          tally(target.messages());
          return;
        }
        if (source.highestModSeq() > 0) {
          changedSince = state.sourceModSeq();
        }
      }
      SourceView view = source.messages() == 0 ? SourceView.EMPTY : sourceView(changedSince);
      List<SourceMessage> toCopy = new ArrayList<>();
      List<SourceMessage> flagChanged = new ArrayList<>();
      for (SourceMessage m : view.read()) {
        SyncedMessage s = synced.get(m.uid());
        if (s == null) {
          toCopy.add(m);
        } else if (!m.flags().sameAs(FlagSet.parse(s.flags()))) {
          flagChanged.add(m);
        }
      }
      List<SyncedMessage> gone = new ArrayList<>();
      for (SyncedMessage s : synced.values()) {
        if (!view.present().test(s.sourceUid())) {
          gone.add(s);
        }
      }
      noteUndated(toCopy);
      try {
        copy(toCopy);
      } finally {
        describeSkipped();
      }
      syncFlags(flagChanged);
      handleDeleted(gone);
      noteManyKeywords(view.read());
      if (!droppedFlags.isEmpty()) {
        recorder.note(
            "Target folder '"
                + dstName
                + "' does not keep "
                + String.join(", ", droppedFlags)
                + ": left out when copying from '"
                + shown
                + "'");
      }
      noteAltered();
      if (clean && source.highestModSeq() > 0) {
        store.markSourceState(
            mailboxKey, srcName, source.highestModSeq(), source.uidNext(), source.messages());
      }
      tally(targetMessagesNow());
    }

    /** How many messages the target folder holds now: one STATUS, only read. */
    private long targetMessagesNow() {
      return dst.call("STATUS " + dstName, p -> ImapCommands.status(p, dstName, false)).messages();
    }

    private void tally(long targetMessages) {
      recorder.tally(
          new FolderTally(
              shown,
              dstName,
              source.messages(),
              targetMessages,
              synced.size(),
              skippedHere.size(),
              skippedBytesHere,
              copiedHere,
              copiedBytesHere,
              copiedDigest.hex()));
    }

    /** A source that gives no readable INTERNALDATE leaves the copy the target's arrival time. */
    private void noteUndated(List<SourceMessage> toCopy) {
      long undated = toCopy.stream().filter(m -> m.internalDate() == null).count();
      if (undated > 0) {
        recorder.note(
            undated
                + " messages of '"
                + shown
                + "' came from the source without a readable INTERNALDATE; their copies in '"
                + dstName
                + "' carry the time they arrived there");
      }
    }

    /**
     * A target cannot say through IMAP that it keeps only some keywords: Dovecot's maildir shows
     * every keyword but writes only the first 26 of a folder into its files, and loses the others
     * when its index is rebuilt. More than that many in one folder is worth a check on the target.
     */
    private void noteManyKeywords(List<SourceMessage> messages) {
      if (source.keywords() >= 0 && source.keywords() <= MAILDIR_KEYWORDS) {
        return; // the folder's FLAGS answer lists every keyword its messages use
      }
      Set<String> keywords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      for (SourceMessage m : messages) {
        for (String f : m.flags().keptBy(target.permanentFlags()).flags()) {
          if (!FlagSet.isSystem(f)) {
            keywords.add(f);
          }
        }
      }
      if (keywords.size() > MAILDIR_KEYWORDS) {
        recorder.note(
            "Folder '"
                + shown
                + "' uses "
                + keywords.size()
                + " different keywords: a target storing mail as maildir (Dovecot) keeps only "
                + MAILDIR_KEYWORDS
                + " per folder in its files and loses the others if its index is rebuilt;"
                + " check '"
                + dstName
                + "' there or use sdbox or mdbox storage");
      }
    }

    /**
     * The source folder as this pass needs it. Messages above the highest UID already copied are
     * read in full (UID, flags, date, size); below it only flags are read, and with {@code
     * changedSince} (the source's HIGHESTMODSEQ after the last clean pass) only flags changed since
     * then, together with the list of UIDs that still exist. Older messages that were never copied
     * (skipped before) are read in full as well.
     */
    private SourceView sourceView(long changedSince) {
      long highest = 0;
      for (long uid : synced.keySet()) {
        highest = Math.max(highest, uid);
      }
      long floor = highest + 1;
      if (floor <= 1) {
        List<SourceMessage> all =
            src.call(
                "UID FETCH (metadata) in " + srcName, p -> ImapCommands.fetchMetadata(p, "1:*", 1));
        Set<Long> uids = new HashSet<>();
        all.forEach(m -> uids.add(m.uid()));
        return new SourceView(all, uids::contains);
      }
      FolderInventory inventory =
          src.call(
              "UID FETCH (flags, metadata) in " + srcName,
              p -> FolderInventory.read(p, floor, changedSince));
      List<Long> uncopied = new ArrayList<>();
      LongPredicate present;
      if (inventory.olderPresent() == null) {
        Set<Long> uids = new HashSet<>();
        for (SourceMessage m : inventory.older()) {
          uids.add(m.uid());
          if (!synced.containsKey(m.uid())) {
            uncopied.add(m.uid());
          }
        }
        present = uid -> uid >= floor || uids.contains(uid);
      } else {
        UidRanges older = inventory.olderPresent();
        long syncedThere = 0;
        for (long uid : synced.keySet()) {
          syncedThere += older.contains(uid) ? 1 : 0;
        }
        if (syncedThere != older.count()) {
          older.forEach(
              uid -> {
                if (!synced.containsKey(uid)) {
                  uncopied.add(uid);
                }
              });
        }
        present = uid -> uid >= floor || older.contains(uid);
      }
      Map<Long, SourceMessage> full = new HashMap<>();
      for (String set : UidSet.format(uncopied, MAX_RANGES)) {
        src.call("UID FETCH (metadata) in " + srcName, p -> ImapCommands.fetchMetadata(p, set, 1))
            .forEach(m -> full.put(m.uid(), m));
      }
      List<SourceMessage> read =
          new ArrayList<>(inventory.older().size() + full.size() + inventory.newer().size());
      for (SourceMessage m : inventory.older()) {
        if (synced.containsKey(m.uid())) {
          read.add(m);
        }
      }
      for (Long uid : uncopied) {
        SourceMessage detailed = full.get(uid);
        if (detailed != null) {
          read.add(detailed);
        } // else expunged meanwhile
      }
      read.addAll(inventory.newer());
      return new SourceView(read, present);
    }

    private boolean unchangedSince(FolderSyncState state) {
      return state.sourceModSeq() > 0
          && source.highestModSeq() == state.sourceModSeq()
          && source.uidNext() == state.sourceUidNext()
          && source.messages() == state.sourceMessages();
    }

    /**
     * No usable UID state (first contact, a UIDVALIDITY change on either side, a new target
     * folder): messages already on the target are paired with source messages by fingerprint, by
     * count, and recorded instead of copied again.
     */
    private void rematch(FolderSyncState old) {
      synced.clear();
      List<SyncedMessage> found = new ArrayList<>();
      if (target.messages() > 0 && source.messages() > 0) {
        List<Identified> s =
            src.call(
                "UID FETCH (headers) in " + srcName,
                p -> ImapCommands.fetchFingerprints(p, "1:*", 1));
        List<Identified> t =
            dst.call(
                "UID FETCH (headers) in " + dstName,
                p -> ImapCommands.fetchFingerprints(p, "1:*", 1));
        Map<Long, FlagSet> targetFlags = new HashMap<>();
        t.forEach(i -> targetFlags.put(i.uid(), i.flags()));
        Copies r = findCopies(candidates(s), candidates(t));
        for (FingerprintMatcher.Match m : r.matches()) {
          found.add(
              new SyncedMessage(
                  m.sourceUid(), m.targetUid(), targetFlags.get(m.targetUid()).stored()));
        }
        recorder.matched(found.size());
        countAltered(r.altered());
      }
      if (old != null) {
        log.info(
            "Mailbox {}: '{}' re-matched by fingerprint (UIDVALIDITY source {} -> {}, target {} -> {},"
                + " target folder '{}' -> '{}'): {} messages already on the target",
            mailboxKey,
            shown,
            old.sourceUidValidity(),
            source.uidValidity(),
            old.targetUidValidity(),
            target.uidValidity(),
            old.targetFolder(),
            dstName,
            found.size());
      } else if (!found.isEmpty()) {
        log.info(
            "Mailbox {}: '{}' first pass into a filled target folder '{}': {} messages already there",
            mailboxKey,
            shown,
            dstName,
            found.size());
      }
      store.replace(
          mailboxKey,
          FolderSyncState.fresh(
              srcName, dstName, source.uidValidity(), target.uidValidity(), found));
      found.forEach(m -> synced.put(m.sourceUid(), m));
    }

    /** Appends whose answer was never recorded: find their copies before appending again. */
    private void settlePending(List<PendingAppend> pending) {
      long floor = pending.stream().mapToLong(PendingAppend::targetUidFloor).min().orElse(1);
      List<FingerprintMatcher.Candidate> wanted = new ArrayList<>();
      Map<Long, PendingAppend> bySource = new HashMap<>();
      for (PendingAppend p : pending) {
        wanted.add(
            new FingerprintMatcher.Candidate(
                p.sourceUid(), MessageFingerprint.parse(p.fingerprint())));
        bySource.put(p.sourceUid(), p);
      }
      List<FingerprintMatcher.Candidate> offered = fingerprintsFrom(floor);
      Copies r = findCopies(wanted, offered);
      List<SyncedMessage> found = new ArrayList<>();
      for (FingerprintMatcher.Match m : r.matches()) {
        found.add(
            new SyncedMessage(m.sourceUid(), m.targetUid(), bySource.get(m.sourceUid()).flags()));
      }
      store.finishAppends(mailboxKey, srcName, found, bySource.keySet());
      found.forEach(m -> synced.put(m.sourceUid(), m));
      recorder.matched(found.size());
      countAltered(r.altered());
      log.info(
          "Mailbox {}: '{}' had {} unconfirmed appends: {} found on the target, {} to append again",
          mailboxKey,
          shown,
          pending.size(),
          found.size(),
          pending.size() - found.size());
    }

    /**
     * Pairs source messages with target messages: by fingerprint first, then the ones left over by
     * date and body, for copies whose headers the target rewrote. Says which pairs differ.
     */
    private Copies findCopies(
        List<FingerprintMatcher.Candidate> wanted, List<FingerprintMatcher.Candidate> offered) {
      FingerprintMatcher.Result r =
          FingerprintMatcher.match(wanted, offered, options.duplicateMatching());
      List<FingerprintMatcher.Match> matches = new ArrayList<>(r.matches());
      Set<Long> usedTargets = new HashSet<>();
      matches.forEach(m -> usedTargets.add(m.targetUid()));
      Set<Long> openSources = new HashSet<>(r.unmatchedSource());
      List<FingerprintMatcher.Candidate> open = new ArrayList<>();
      for (FingerprintMatcher.Candidate c : wanted) {
        if (openSources.contains(c.uid())) {
          open.add(c);
        }
      }
      List<FingerprintMatcher.Candidate> free = new ArrayList<>();
      for (FingerprintMatcher.Candidate c : offered) {
        if (!usedTargets.contains(c.uid())) {
          free.add(c);
        }
      }
      RewrittenCopies.Worth worth = RewrittenCopies.worthDigesting(open, free);
      if (!worth.isEmpty()) {
        Map<Long, String> sourceBodies =
            src.call(
                "UID FETCH (body digests) in " + srcName,
                p -> ImapCommands.fetchBodyDigests(p, worth.sources(), PART_BYTES));
        Map<Long, String> targetBodies =
            dst.call(
                "UID FETCH (body digests) in " + dstName,
                p -> ImapCommands.fetchBodyDigests(p, worth.targets(), PART_BYTES));
        matches.addAll(RewrittenCopies.match(open, sourceBodies, free, targetBodies));
      }
      Map<Long, MessageFingerprint> sent = new HashMap<>();
      wanted.forEach(c -> sent.put(c.uid(), c.fingerprint()));
      Map<Long, MessageFingerprint> stored = new HashMap<>();
      offered.forEach(c -> stored.put(c.uid(), c.fingerprint()));
      List<Long> differing = new ArrayList<>();
      for (FingerprintMatcher.Match m : matches) {
        if (!sent.get(m.sourceUid()).sameHeaderAs(stored.get(m.targetUid()))) {
          differing.add(m.sourceUid());
        }
      }
      return new Copies(matches, differing, wanted.size() - matches.size());
    }

    /** Fingerprints of target messages from UID {@code floor} on that no synced message claims. */
    private List<FingerprintMatcher.Candidate> fingerprintsFrom(long floor) {
      Set<Long> claimed = new HashSet<>();
      synced.values().forEach(m -> claimed.add(m.targetUid()));
      List<Identified> t =
          dst.call(
              "UID FETCH (headers) in " + dstName,
              p -> ImapCommands.fetchFingerprints(p, floor + ":*", floor));
      List<FingerprintMatcher.Candidate> out = new ArrayList<>();
      for (Identified i : t) {
        if (!claimed.contains(i.uid())) {
          out.add(new FingerprintMatcher.Candidate(i.uid(), i.fingerprint()));
        }
      }
      return out;
    }

    /**
     * Copies messages in units (a batch of small messages, or one large message through a spool
     * file). While one unit is appended to the target, the next is fetched from the source on a
     * second thread, so that neither side waits for the other.
     */
    private void copy(List<SourceMessage> toCopy) throws InterruptedException {
      recorder.toCopy(toCopy.size(), toCopy.stream().mapToLong(SourceMessage::size).sum());
      long appendLimit = dst.numericCapability("APPENDLIMIT");
      List<List<SourceMessage>> units = new ArrayList<>();
      List<SourceMessage> batch = new ArrayList<>();
      long batchBytes = 0;
      for (SourceMessage m : toCopy) {
        String tooLarge = tooLarge(m.size(), appendLimit);
        if (tooLarge != null) {
          skip(m, SkippedItem.Reason.TOO_LARGE, tooLarge);
          continue;
        }
        boolean large = m.size() >= options.largeMessageBytes();
        if (!batch.isEmpty()
            && (large
                || batch.size() >= options.batchMessages()
                || batchBytes + m.size() > options.batchBytes())) {
          units.add(batch);
          batch = new ArrayList<>();
          batchBytes = 0;
        }
        if (large) {
          units.add(List.of(m));
        } else {
          batch.add(m);
          batchBytes += m.size();
        }
      }
      if (!batch.isEmpty()) {
        units.add(batch);
      }
      if (units.isEmpty()) {
        return;
      }
      ExecutorService ahead =
          units.size() > 1
              ? Executors.newSingleThreadExecutor(
                  r -> {
                    Thread t = new Thread(r, Thread.currentThread().getName() + "-fetch");
                    t.setDaemon(true);
                    return t;
                  })
              : null;
      FetchedUnit.Handover next = prefetch(ahead, units.get(0), appendLimit);
      try {
        for (int i = 0; i < units.size(); i++) {
          FetchedUnit current = next.await();
          next = i + 1 < units.size() ? prefetch(ahead, units.get(i + 1), appendLimit) : null;
          try {
            current.skips().forEach(k -> skip(k.message(), k.reason(), k.detail()));
            append(current.messages());
          } finally {
            current.release();
          }
        }
      } finally {
        if (next != null) {
          next.abandon();
        }
        if (ahead != null) {
          ahead.shutdown();
        }
      }
    }

    private FetchedUnit.Handover prefetch(
        ExecutorService ahead, List<SourceMessage> unit, long appendLimit)
        throws InterruptedException {
      FetchedUnit.Handover p = new FetchedUnit.Handover();
      if (ahead == null) {
        try {
          p.complete(fetch(unit, appendLimit));
        } catch (RuntimeException | Error e) {
          p.fail(e);
        }
        return p;
      }
      ahead.execute(
          LogContext.carried(
              () -> {
                try {
                  p.complete(fetch(unit, appendLimit));
                } catch (InterruptedException e) {
                  p.fail(e);
                } catch (RuntimeException | Error e) {
                  p.fail(e);
                }
              }));
      return p;
    }

    /** Fetches one unit from the source; runs on the fetching thread. */
    private FetchedUnit fetch(List<SourceMessage> unit, long appendLimit)
        throws InterruptedException {
      if (unit.size() == 1 && unit.get(0).size() >= options.largeMessageBytes()) {
        return fetchLarge(unit.get(0), appendLimit);
      }
      long bytes = unit.stream().mapToLong(m -> MessageBuffers.arrayBytes(m.size())).sum();
      int units = budget.acquire(bytes);
      MessageBuffers buffers = budget.buffers();
      Map<Long, ByteArray> bodies = new HashMap<>();
      try {
        TreeMap<Long, Long> sizes = new TreeMap<>();
        unit.forEach(m -> sizes.put(m.uid(), m.size()));
        for (String set : UidSet.format(List.copyOf(sizes.keySet()), MAX_RANGES)) {
          bodies.putAll(
              src.call(
                  "UID FETCH (bodies) in " + srcName,
                  p -> ImapCommands.fetchBodies(p, set, buffers, sizes)));
        }
        if (bodies.size() < unit.size()) {
          failIfFolderGone();
        }
        List<OutgoingMessage> out = new ArrayList<>();
        List<FetchedUnit.Skip> skips = new ArrayList<>();
        for (SourceMessage m : unit) {
          ByteArray b = bodies.remove(m.uid());
          if (b == null) {
            skips.add(new FetchedUnit.Skip(m, SkippedItem.Reason.UNREADABLE_ON_SOURCE, EMPTY));
            continue;
          }
          MessageFingerprint fp =
              MessageFingerprint.of(
                  b.getBytes(), b.getStart(), b.getCount(), m.instant(), b.getCount());
          out.add(new OutgoingMessage(m, new OutgoingMessage.InMemory(b), appendFlags(m), fp));
        }
        int held = units;
        units = 0;
        return new FetchedUnit(
            out,
            skips,
            () -> {
              for (OutgoingMessage o : out) {
                if (o.body() instanceof OutgoingMessage.InMemory in) {
                  buffers.give(in.bytes().getBytes());
                }
              }
              budget.release(held);
            });
      } finally {
        bodies.values().forEach(b -> buffers.give(b.getBytes())); // not asked for, or not handed on
        if (units > 0) {
          budget.release(units);
        }
      }
    }

    /**
     * Messages the source returned nothing for may have gone with their folder: a folder deleted
     * during the pass must not be reported as thousands of unreadable messages.
     */
    private void failIfFolderGone() {
      ImapCommands.FolderStatus now;
      try {
        now = src.call("STATUS " + srcName, p -> ImapCommands.status(p, srcName, false));
      } catch (ImapFailure f) {
        if (f.problem() != EndpointProblem.COMMAND_REFUSED) {
          throw f;
        }
        now = null;
      }
      if (now == null || now.uidValidity() != source.uidValidity()) {
        throw folderGone();
      }
    }

    private ImapFailure folderGone() {
      return new ImapFailure(
          EndpointProblem.COMMAND_REFUSED,
          "Source folder '"
              + shown
              + "' was deleted (or replaced) on the source during the pass; what was copied stays"
              + " in '"
              + dstName
              + "'");
    }

    /** A large message goes through a spool file: fetched in parts, appended as a stream. */
    private FetchedUnit fetchLarge(SourceMessage m, long appendLimit) throws InterruptedException {
      Path spool = MessageSpool.create(options.spoolDirectory());
      Runnable delete = () -> MessageSpool.delete(spool);
      boolean handedOver = false;
      int units = budget.acquire(PART_BYTES);
      try {
        long length = MessageSpool.fill(spool, src, srcName, m.uid(), PART_BYTES);
        if (length == 0) {
          failIfFolderGone();
        }
        String problem = length == 0 ? null : tooLarge(length, appendLimit);
        handedOver = true;
        if (length == 0) {
          return new FetchedUnit(
              List.of(),
              List.of(new FetchedUnit.Skip(m, SkippedItem.Reason.UNREADABLE_ON_SOURCE, EMPTY)),
              delete);
        }
        if (problem != null) {
          return new FetchedUnit(
              List.of(),
              List.of(new FetchedUnit.Skip(m, SkippedItem.Reason.TOO_LARGE, problem)),
              delete);
        }
        OutgoingMessage.Spooled body = new OutgoingMessage.Spooled(spool, (int) length);
        MessageFingerprint fp = MessageSpool.fingerprint(spool, m, length);
        return new FetchedUnit(
            List.of(new OutgoingMessage(m, body, appendFlags(m), fp)), List.of(), delete);
      } finally {
        budget.release(units);
        if (!handedOver) {
          delete.run();
        }
      }
    }

    private String tooLarge(long size, long appendLimit) {
      if (options.maxMessageBytes() > 0 && size > options.maxMessageBytes()) {
        return "larger than the limit of " + options.maxMessageBytes() + " bytes";
      }
      if (appendLimit > 0 && size > appendLimit) {
        return "larger than the target's APPENDLIMIT of " + appendLimit + " bytes";
      }
      if (size > Integer.MAX_VALUE - 1024) {
        return "larger than 2 GiB";
      }
      return null;
    }

    private FlagSet appendFlags(SourceMessage m) {
      FlagSet kept = m.flags().keptBy(target.permanentFlags());
      if (kept.flags().size() != m.flags().flags().size()) {
        droppedFlags.addAll(m.flags().minus(kept).flags());
      }
      return kept;
    }

    /**
     * Records the messages as pending, appends them (one MULTIAPPEND when the target can, else one
     * by one), and records the outcome.
     */
    private void append(List<OutgoingMessage> out) {
      if (out.isEmpty()) {
        return;
      }
      recorder.beforeWrite();
      long floor = targetNext;
      List<PendingAppend> pending = new ArrayList<>();
      for (OutgoingMessage o : out) {
        pending.add(
            new PendingAppend(
                o.source().uid(), o.fingerprint().stored(), o.flags().stored(), floor));
      }
      store.beginAppends(mailboxKey, srcName, pending);
      List<SyncedMessage> done = new ArrayList<>();
      Set<Long> settled = new HashSet<>();
      List<OutgoingMessage> uidUnknown = new ArrayList<>();
      List<Long> alteredHere = new ArrayList<>();
      Map<Long, OutgoingMessage> bySource = new HashMap<>();
      out.forEach(o -> bySource.put(o.source().uid(), o));
      boolean answered = false;
      long bytes = 0;
      try {
        boolean together = out.size() > 1 && dst.has("MULTIAPPEND");
        if (together) {
          Appended a = dst.call("APPEND to " + dstName, p -> ImapCommands.append(p, dstName, out));
          if (a instanceof Appended.Stored stored) {
            accept(out, stored, done, uidUnknown);
          } else {
            failIfPassing(((Appended.Refused) a).text());
            together = false; // one message spoiled the batch: find it by appending one by one
          }
        }
        if (!together) {
          List<Appended> answers;
          if (out.size() > 1 && dst.has("LITERAL+")) {
            answers =
                dst.call(
                    "APPEND to " + dstName, p -> ImapCommands.appendPipelined(p, dstName, out));
          } else {
            answers = new ArrayList<>();
            for (OutgoingMessage o : out) {
              answers.add(
                  dst.call(
                      "APPEND to " + dstName, p -> ImapCommands.append(p, dstName, List.of(o))));
            }
          }
          for (int i = 0; i < out.size(); i++) {
            OutgoingMessage o = out.get(i);
            Appended a = answers.get(i);
            if (a instanceof Appended.Stored stored) {
              accept(List.of(o), stored, done, uidUnknown);
            } else {
              String text = ((Appended.Refused) a).text();
              failIfPassing(text);
              settled.add(o.source().uid());
              clean = false;
              skippedHere.add(o.source().uid());
              skippedBytesHere += o.size();
              recorder.rejected(
                  new SkippedItem(
                      shown,
                      o.source().uid(),
                      o.size(),
                      o.source().instant(),
                      SkippedItem.Reason.REJECTED_BY_TARGET,
                      text));
            }
          }
        }
        if (!uidUnknown.isEmpty()) {
          done.addAll(findAppended(uidUnknown, floor, alteredHere));
        }
        answered = true;
      } finally {
        done.forEach(d -> settled.add(d.sourceUid()));
        store.finishAppends(mailboxKey, srcName, done, settled);
        for (SyncedMessage d : done) {
          synced.put(d.sourceUid(), d);
          targetNext = Math.max(targetNext, d.targetUid() + 1);
          bytes += bySource.get(d.sourceUid()).size();
          copiedDigest.add(bySource.get(d.sourceUid()).fingerprint());
        }
        copiedHere += done.size();
        copiedBytesHere += bytes;
        if (!answered) {
          recorder.copied(done.size(), bytes);
          recorder.progress(shown);
        }
      }
      Set<Long> foundByFingerprint = new HashSet<>();
      uidUnknown.forEach(o -> foundByFingerprint.add(o.source().uid()));
      alteredHere.addAll(alteredOnStore(done, foundByFingerprint, bySource));
      recorder.copied(done.size() - alteredHere.size(), bytes);
      countAltered(alteredHere);
      recorder.progress(shown);
    }

    /**
     * Reads back what the target stored for the new copies whose UID APPENDUID gave (size and
     * header section, one {@code UID FETCH} per batch) and returns the source UIDs of those the
     * target altered.
     */
    private List<Long> alteredOnStore(
        List<SyncedMessage> done, Set<Long> alreadyKnown, Map<Long, OutgoingMessage> bySource) {
      Map<Long, Long> sourceByTarget = new HashMap<>();
      for (SyncedMessage d : done) {
        if (!alreadyKnown.contains(d.sourceUid())) {
          sourceByTarget.put(d.targetUid(), d.sourceUid());
        }
      }
      List<Long> differing = new ArrayList<>();
      if (sourceByTarget.isEmpty()) {
        return differing;
      }
      Map<Long, MessageFingerprint> stored = new HashMap<>();
      for (String set :
          UidSet.format(List.copyOf(new TreeSet<>(sourceByTarget.keySet())), MAX_RANGES)) {
        stored.putAll(
            dst.call("UID FETCH (stored) in " + dstName, p -> ImapCommands.fetchStored(p, set)));
      }
      sourceByTarget.forEach(
          (targetUid, sourceUid) -> {
            MessageFingerprint there = stored.get(targetUid);
            if (there != null && !bySource.get(sourceUid).fingerprint().sameHeaderAs(there)) {
              differing.add(sourceUid);
            }
          });
      return differing;
    }

    private void accept(
        List<OutgoingMessage> out,
        Appended.Stored stored,
        List<SyncedMessage> done,
        List<OutgoingMessage> uidUnknown) {
      // APPENDUID counts only from a server that promises it (UIDPLUS, RFC 4315).
      if (stored.uids().isEmpty()
          || stored.uidValidity() != target.uidValidity()
          || !dst.has("UIDPLUS")) {
        uidUnknown.addAll(out);
        return;
      }
      for (int i = 0; i < out.size(); i++) {
        OutgoingMessage o = out.get(i);
        done.add(new SyncedMessage(o.source().uid(), stored.uids().get(i), o.flags().stored()));
      }
    }

    /** Without APPENDUID: the new copies are found by fingerprint among the target's new UIDs. */
    private List<SyncedMessage> findAppended(
        List<OutgoingMessage> appended, long floor, List<Long> alteredHere) {
      List<FingerprintMatcher.Candidate> wanted = new ArrayList<>();
      Map<Long, OutgoingMessage> bySource = new HashMap<>();
      for (OutgoingMessage o : appended) {
        wanted.add(new FingerprintMatcher.Candidate(o.source().uid(), o.fingerprint()));
        bySource.put(o.source().uid(), o);
      }
      Copies r = findCopies(wanted, fingerprintsFrom(floor));
      List<SyncedMessage> found = new ArrayList<>();
      for (FingerprintMatcher.Match m : r.matches()) {
        found.add(
            new SyncedMessage(
                m.sourceUid(), m.targetUid(), bySource.get(m.sourceUid()).flags().stored()));
      }
      alteredHere.addAll(r.altered());
      if (r.unmatched() > 0) {
        recorder.note(
            "Target folder '"
                + dstName
                + "' gives no APPENDUID and "
                + r.unmatched()
                + " appended messages could not be found by fingerprint; the next pass checks again");
        clean = false;
      }
      return found;
    }

    /** A refusal that is throttling or a full mailbox stops the folder rather than one message. */
    private void failIfPassing(String text) {
      if (ImapFailures.refusesMessageSize(text)) {
        return; // this message only: recorded as refused, the others go on
      }
      if (ImapFailures.isThrottled(text) || ImapFailures.isOverQuota(text)) {
        throw ImapFailures.fromText(dst.label(), "APPEND to " + dstName, text)
            .onServer(dst.endpoint());
      }
    }

    private void syncFlags(List<SourceMessage> changed) {
      if (changed.isEmpty()) {
        return;
      }
      Map<String, List<Long>> groups = new LinkedHashMap<>();
      Map<String, FlagSet[]> groupFlags = new HashMap<>();
      List<SyncedMessage> updated = new ArrayList<>();
      for (SourceMessage m : changed) {
        SyncedMessage s = synced.get(m.uid());
        FlagSet last = FlagSet.parse(s.flags());
        FlagSet added = m.flags().minus(last).keptBy(target.permanentFlags());
        FlagSet removed = last.minus(m.flags()).keptBy(target.permanentFlags());
        droppedFlags.addAll(m.flags().minus(last).minus(added).flags());
        String key = added.stored() + "|" + removed.stored();
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.targetUid());
        groupFlags.put(key, new FlagSet[] {added, removed});
        updated.add(new SyncedMessage(s.sourceUid(), s.targetUid(), m.flags().stored()));
      }
      recorder.beforeWrite();
      for (Map.Entry<String, List<Long>> g : groups.entrySet()) {
        FlagSet[] f = groupFlags.get(g.getKey());
        for (String set : UidSet.format(g.getValue(), MAX_RANGES)) {
          dst.call(
              "UID STORE in " + dstName,
              p -> {
                ImapCommands.storeFlags(p, set, f[0], true);
                ImapCommands.storeFlags(p, set, f[1], false);
                return null;
              });
        }
      }
      store.updateFlags(mailboxKey, srcName, updated);
      updated.forEach(s -> synced.put(s.sourceUid(), s));
      recorder.flagsUpdated(updated.size());
    }

    private void handleDeleted(List<SyncedMessage> gone) {
      if (gone.isEmpty()) {
        return;
      }
      Collection<Long> sourceUids = gone.stream().map(SyncedMessage::sourceUid).toList();
      if (options.deletedOnSource() == DeletedOnSource.DELETE_ON_TARGET) {
        List<Long> targetUids = gone.stream().map(SyncedMessage::targetUid).toList();
        recorder.beforeWrite();
        boolean expunge = dst.has("UIDPLUS");
        FlagSet deleted = FlagSet.of(List.of("\\Deleted"));
        for (String set : UidSet.format(targetUids, MAX_RANGES)) {
          dst.call(
              "UID STORE/EXPUNGE in " + dstName,
              p -> {
                ImapCommands.storeFlags(p, set, deleted, true);
                if (expunge) {
                  ImapCommands.uidExpunge(p, set);
                }
                return null;
              });
        }
        if (!expunge) {
          recorder.note(
              "Target has no UIDPLUS: copies of messages deleted on the source are flagged \\Deleted"
                  + " in '"
                  + dstName
                  + "' but not expunged");
        }
        recorder.deleted(targetUids.size());
      }
      store.forget(mailboxKey, srcName, sourceUids);
      sourceUids.forEach(synced::remove);
    }

    private void skip(SourceMessage m, SkippedItem.Reason reason, String detail) {
      clean = false;
      skippedHere.add(m.uid());
      skippedBytesHere += m.size();
      recorder.skipped(new SkippedItem(shown, m.uid(), m.size(), m.instant(), reason, detail));
    }

    /**
     * Reads the Message-ID and subject of the messages skipped in this folder from the source (one
     * {@code UID FETCH} of those two header fields), so that the report names them. Only reads: a
     * source that cannot answer leaves them unnamed, and the pass goes on.
     */
    private void describeSkipped() {
      if (skippedHere.isEmpty()) {
        return;
      }
      Map<Long, MessageEnvelope> envelopes = new HashMap<>();
      try {
        for (String set : UidSet.format(List.copyOf(skippedHere), MAX_RANGES)) {
          envelopes.putAll(
              src.call(
                  "UID FETCH (Message-ID, Subject) in " + srcName,
                  p -> ImapCommands.fetchEnvelopes(p, set)));
        }
      } catch (ImapFailure f) {
        log.debug("Mailbox {}: skipped messages of '{}' left unnamed: {}", mailboxKey, shown, f);
      }
      recorder.describe(shown, envelopes);
    }

    /**
     * Counts and remembers copies that differ from their source (reported in the folder's note).
     */
    private void countAltered(List<Long> sourceUids) {
      if (!sourceUids.isEmpty()) {
        altered.addAll(sourceUids);
        recorder.altered(sourceUids.size());
      }
    }

    private void noteAltered() {
      if (altered.isEmpty()) {
        return;
      }
      recorder.note(
          "Target folder '"
              + dstName
              + "' stored "
              + altered.size()
              + " messages of '"
              + shown
              + "' altered (it rewrote their headers), so they are not byte-for-byte copies; source"
              + " UIDs "
              + UidSet.format(List.copyOf(altered), 50).get(0)
              + (UidSet.format(List.copyOf(altered), 50).size() > 1 ? " and more" : ""));
    }

    private List<FingerprintMatcher.Candidate> candidates(List<Identified> ids) {
      List<FingerprintMatcher.Candidate> out = new ArrayList<>(ids.size());
      ids.forEach(i -> out.add(new FingerprintMatcher.Candidate(i.uid(), i.fingerprint())));
      return out;
    }
  }

  /**
   * The source folder now: the messages this pass read (with flags, and with date and size where
   * they may be copied), and which UIDs exist, including those whose flags were not read because
   * they did not change.
   */
  /** A refusal that says the folder does not exist ([NONEXISTENT], or the usual wording). */
  static boolean saysNoSuchFolder(String text) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    return t.contains("[nonexistent]")
        || t.contains("doesn't exist")
        || t.contains("does not exist")
        || t.contains("no such mailbox");
  }

  private record Copies(
      List<FingerprintMatcher.Match> matches, List<Long> altered, int unmatched) {}

  private record SourceView(List<SourceMessage> read, LongPredicate present) {
    static final SourceView EMPTY = new SourceView(List.of(), uid -> false);
  }
}
