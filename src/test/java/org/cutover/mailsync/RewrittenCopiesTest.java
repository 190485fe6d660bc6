package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cutover.mailsync.FingerprintMatcher.Candidate;
import org.cutover.mailsync.FingerprintMatcher.Match;
import org.junit.jupiter.api.Test;

class RewrittenCopiesTest {

  private static Candidate c(long uid, String id, long date, long size, String header) {
    return new Candidate(uid, new MessageFingerprint(id, date, size, header));
  }

  @Test
  void pairsCopiesWithRewrittenHeadersByDateAndBody() {
    List<Candidate> source = List.of(c(1, "", 100, 500, "h1"), c(2, "id", 200, 800, "h2"));
    List<Candidate> target = List.of(c(10, "", 100, 500, "x1"), c(11, "id", 200, 790, "x2"));

    List<Match> m =
        RewrittenCopies.match(
            source, Map.of(1L, "b1", 2L, "b2"), target, Map.of(10L, "b1", 11L, "b2"));

    assertThat(m).containsExactly(new Match(1, 10), new Match(2, 11));
  }

  @Test
  void keepsTheCountOfDuplicates() {
    List<Candidate> source =
        List.of(c(1, "", 100, 500, "h"), c(2, "", 100, 500, "h"), c(3, "", 100, 500, "h"));
    List<Candidate> target = List.of(c(10, "", 100, 500, "x"), c(11, "", 100, 500, "x"));

    List<Match> m =
        RewrittenCopies.match(
            source, Map.of(1L, "b", 2L, "b", 3L, "b"), target, Map.of(10L, "b", 11L, "b"));

    assertThat(m).containsExactly(new Match(1, 10), new Match(2, 11));
  }

  @Test
  void neverPairsDifferentBodiesDatesOrMessageIds() {
    List<Candidate> source =
        List.of(c(1, "", 100, 500, "h"), c(2, "a", 200, 500, "h"), c(3, "", 300, 500, "h"));
    List<Candidate> target =
        List.of(c(10, "", 100, 500, "x"), c(11, "b", 200, 500, "x"), c(12, "", 301, 500, "x"));

    List<Match> m =
        RewrittenCopies.match(
            source,
            Map.of(1L, "b1", 2L, "b", 3L, "b"),
            target,
            Map.of(10L, "other", 11L, "b", 12L, "b"));

    assertThat(m).isEmpty();
  }

  @Test
  void digestsOnlyMessagesSharingADateAndANearSize() {
    List<Candidate> source =
        List.of(c(1, "", 100, 500, "h"), c(2, "", 200, 500, "h"), c(3, "", 300, 1_000, "h"));
    List<Candidate> target =
        List.of(c(10, "", 100, 520, "x"), c(11, "", 250, 500, "x"), c(12, "", 300, 900_000, "x"));

    RewrittenCopies.Worth w = RewrittenCopies.worthDigesting(source, target);

    assertThat(w.sources()).containsExactly(1L);
    assertThat(w.targets()).containsExactly(10L);
  }
}
