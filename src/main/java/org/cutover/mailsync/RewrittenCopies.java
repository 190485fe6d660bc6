package org.cutover.mailsync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cutover.mailsync.FingerprintMatcher.Candidate;
import org.cutover.mailsync.FingerprintMatcher.Match;

/**
 * Recognises copies whose header section the target rewrote (Cyrus replaces raw 8-bit header bytes,
 * Exchange Online regenerates headers), which no fingerprint matches: a source message and a target
 * message left over by the fingerprint passes pair when they have the same INTERNALDATE, the same
 * body (the bytes after the header section) and sizes no further apart than rewritten headers make
 * them, and do not name different Message-IDs. Messages without a Message-ID pair the same way.
 * Pairs are one to one, in ascending UIDs, so that duplicates keep their count.
 *
 * <p>Body digests cost a read of the bodies, so they are read only for the messages that share a
 * date and a near size with one on the other side ({@link #worthDigesting}).
 */
final class RewrittenCopies {

  /** Sizes of rewritten copies differ by at most this many bytes plus a tenth of the larger. */
  static final long SIZE_SLACK = 4096;

  /** The source and target UIDs whose bodies are worth a digest. */
  record Worth(List<Long> sources, List<Long> targets) {
    boolean isEmpty() {
      return sources.isEmpty() || targets.isEmpty();
    }
  }

  private RewrittenCopies() {}

  static boolean closeInSize(long a, long b) {
    return Math.abs(a - b) <= SIZE_SLACK + Math.max(a, b) / 10;
  }

  static Worth worthDigesting(List<Candidate> sources, List<Candidate> targets) {
    Map<Long, List<Candidate>> targetsByDate = byDate(targets);
    TreeSet<Long> s = new TreeSet<>();
    TreeSet<Long> t = new TreeSet<>();
    for (Candidate source : sources) {
      for (Candidate target : targetsByDate.getOrDefault(datedKey(source), List.of())) {
        if (compatible(source.fingerprint(), target.fingerprint())) {
          s.add(source.uid());
          t.add(target.uid());
        }
      }
    }
    return new Worth(List.copyOf(s), List.copyOf(t));
  }

  /**
   * Pairs sources with targets by date and body digest (absent digests pair with nothing); each
   * target is used once.
   */
  static List<Match> match(
      List<Candidate> sources,
      Map<Long, String> sourceBodies,
      List<Candidate> targets,
      Map<Long, String> targetBodies) {
    Map<String, ArrayDeque<Candidate>> byKey = new HashMap<>();
    List<Candidate> sortedTargets = new ArrayList<>(targets);
    sortedTargets.sort(Comparator.comparingLong(Candidate::uid));
    for (Candidate t : sortedTargets) {
      String body = targetBodies.get(t.uid());
      if (body != null && t.fingerprint().internalDate() != 0) {
        byKey
            .computeIfAbsent(t.fingerprint().internalDate() + ":" + body, k -> new ArrayDeque<>())
            .add(t);
      }
    }
    List<Candidate> sortedSources = new ArrayList<>(sources);
    sortedSources.sort(Comparator.comparingLong(Candidate::uid));
    List<Match> out = new ArrayList<>();
    for (Candidate s : sortedSources) {
      String body = sourceBodies.get(s.uid());
      ArrayDeque<Candidate> q =
          body == null ? null : byKey.get(s.fingerprint().internalDate() + ":" + body);
      if (q == null) {
        continue;
      }
      for (Iterator<Candidate> it = q.iterator(); it.hasNext(); ) {
        Candidate t = it.next();
        if (compatible(s.fingerprint(), t.fingerprint())) {
          it.remove();
          out.add(new Match(s.uid(), t.uid()));
          break;
        }
      }
    }
    return out;
  }

  private static boolean compatible(MessageFingerprint s, MessageFingerprint t) {
    boolean sameId =
        s.messageId().isEmpty() || t.messageId().isEmpty() || s.messageId().equals(t.messageId());
    return sameId && closeInSize(s.size(), t.size());
  }

  private static Map<Long, List<Candidate>> byDate(List<Candidate> candidates) {
    Map<Long, List<Candidate>> out = new HashMap<>();
    for (Candidate c : candidates) {
      if (c.fingerprint().internalDate() != 0) {
        out.computeIfAbsent(c.fingerprint().internalDate(), k -> new ArrayList<>()).add(c);
      }
    }
    return out;
  }

  private static long datedKey(Candidate c) {
    return c.fingerprint().internalDate() == 0 ? Long.MIN_VALUE : c.fingerprint().internalDate();
  }
}
