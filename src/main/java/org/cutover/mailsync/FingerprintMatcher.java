package org.cutover.mailsync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pairs source messages with copies already on the target by fingerprint, one to one: a message
 * that is on the source twice needs two copies on the target, so duplicates are matched by count
 * and never collapsed. Passes go from strict to loose (full fingerprint, then without size, then —
 * when allowed — Message-ID and date); within a key, UIDs pair in ascending order.
 */
final class FingerprintMatcher {

  record Candidate(long uid, MessageFingerprint fingerprint) {}

  record Match(long sourceUid, long targetUid) {}

  record Result(List<Match> matches, List<Long> unmatchedSource) {}

  private FingerprintMatcher() {}

  static Result match(List<Candidate> source, List<Candidate> target, DuplicateMatching mode) {
    List<Function<MessageFingerprint, String>> keys = new ArrayList<>();
    keys.add(MessageFingerprint::stored);
    keys.add(MessageFingerprint::withoutSize);
    if (mode == DuplicateMatching.MESSAGE_ID_AND_DATE) {
      keys.add(MessageFingerprint::messageIdAndDate);
    }
    List<Candidate> sources = new ArrayList<>(source);
    sources.sort(Comparator.comparingLong(Candidate::uid));
    List<Candidate> targets = new ArrayList<>(target);
    targets.sort(Comparator.comparingLong(Candidate::uid));
    Set<Long> freeTargets = new LinkedHashSet<>();
    targets.forEach(t -> freeTargets.add(t.uid()));
    List<Match> matches = new ArrayList<>();
    List<Candidate> open = sources;
    for (Function<MessageFingerprint, String> key : keys) {
      if (open.isEmpty() || freeTargets.isEmpty()) {
        break;
      }
      Map<String, ArrayDeque<Long>> byKey = new HashMap<>();
      for (Candidate t : targets) {
        String k = key.apply(t.fingerprint());
        if (k != null && freeTargets.contains(t.uid())) {
          byKey.computeIfAbsent(k, x -> new ArrayDeque<>()).add(t.uid());
        }
      }
      List<Candidate> stillOpen = new ArrayList<>();
      for (Candidate s : open) {
        String k = key.apply(s.fingerprint());
        ArrayDeque<Long> q = k == null ? null : byKey.get(k);
        Long t = q == null ? null : q.poll();
        if (t == null) {
          stillOpen.add(s);
        } else {
          freeTargets.remove(t);
          matches.add(new Match(s.uid(), t));
        }
      }
      open = stillOpen;
    }
    return new Result(matches, open.stream().map(Candidate::uid).toList());
  }
}
