package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cutover.mailsync.FingerprintMatcher.Candidate;
import org.cutover.mailsync.FingerprintMatcher.Match;
import org.junit.jupiter.api.Test;

class FingerprintMatcherTest {

  private static MessageFingerprint fp(String id, long date, long size, String header) {
    return new MessageFingerprint(id, date, size, header);
  }

  private static final MessageFingerprint A = fp("id-a", 100, 10, "h-a");
  private static final MessageFingerprint B = fp("id-b", 200, 20, "h-b");

  @Test
  void pairsDuplicatesByCountNeverCollapsingThem() {
    List<Candidate> source = List.of(new Candidate(1, A), new Candidate(2, A), new Candidate(3, A));
    List<Candidate> target = List.of(new Candidate(10, A), new Candidate(11, A));

    FingerprintMatcher.Result r = FingerprintMatcher.match(source, target, DuplicateMatching.EXACT);

    assertThat(r.matches()).containsExactly(new Match(1, 10), new Match(2, 11));
    assertThat(r.unmatchedSource()).containsExactly(3L);
  }

  @Test
  void usesEachTargetMessageOnce() {
    List<Candidate> source = List.of(new Candidate(1, A), new Candidate(2, B));
    List<Candidate> target = List.of(new Candidate(10, B));

    FingerprintMatcher.Result r = FingerprintMatcher.match(source, target, DuplicateMatching.EXACT);

    assertThat(r.matches()).containsExactly(new Match(2, 10));
    assertThat(r.unmatchedSource()).containsExactly(1L);
  }

  @Test
  void prefersTheSameSizeThenAcceptsAnotherSize() {
    MessageFingerprint estimated = fp("id-a", 100, 9, "h-a");
    List<Candidate> source = List.of(new Candidate(1, estimated), new Candidate(2, A));
    List<Candidate> target = List.of(new Candidate(10, A), new Candidate(11, A));

    FingerprintMatcher.Result r = FingerprintMatcher.match(source, target, DuplicateMatching.EXACT);

    assertThat(r.matches()).containsExactlyInAnyOrder(new Match(2, 10), new Match(1, 11));
  }

  @Test
  void matchesRewrittenHeadersByMessageIdAndDateOnlyWhenAllowed() {
    MessageFingerprint rewritten = fp("id-a", 100, 15, "other-header");
    List<Candidate> source = List.of(new Candidate(1, A));
    List<Candidate> target = List.of(new Candidate(10, rewritten));

    assertThat(FingerprintMatcher.match(source, target, DuplicateMatching.EXACT).matches())
        .isEmpty();
    assertThat(
            FingerprintMatcher.match(source, target, DuplicateMatching.MESSAGE_ID_AND_DATE)
                .matches())
        .containsExactly(new Match(1, 10));
  }

  @Test
  void neverMatchesMessagesWithoutMessageIdByDateAlone() {
    MessageFingerprint noId = fp("", 100, 10, "h-x");
    MessageFingerprint otherNoId = fp("", 100, 10, "h-y");

    FingerprintMatcher.Result r =
        FingerprintMatcher.match(
            List.of(new Candidate(1, noId)),
            List.of(new Candidate(10, otherNoId)),
            DuplicateMatching.MESSAGE_ID_AND_DATE);

    assertThat(r.matches()).isEmpty();
  }
}
