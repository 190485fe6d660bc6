package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UidRangesTest {

  @Test
  void readsAnEsearchSetInAnyOrderAndMergesTouchingRanges() {
    UidRanges r = UidRanges.parse("9:7,1:3,4,12");

    assertThat(r.count()).isEqualTo(8);
    assertThat(r.contains(1)).isTrue();
    assertThat(r.contains(4)).isTrue();
    assertThat(r.contains(5)).isFalse();
    assertThat(r.contains(8)).isTrue();
    assertThat(r.contains(11)).isFalse();
    assertThat(r.contains(12)).isTrue();
    assertThat(r.contains(13)).isFalse();
    assertThat(uids(r)).containsExactly(1L, 2L, 3L, 4L, 7L, 8L, 9L, 12L);
  }

  @Test
  void readsPlainSearchNumbersWithDuplicates() {
    UidRanges r = UidRanges.of(new long[] {5, 3, 4, 10, 3});

    assertThat(r.count()).isEqualTo(4);
    assertThat(uids(r)).containsExactly(3L, 4L, 5L, 10L);
  }

  @Test
  void anEmptyAnswerHoldsNothing() {
    assertThat(UidRanges.parse(null).count()).isZero();
    assertThat(UidRanges.parse(" ").contains(1)).isFalse();
    assertThat(UidRanges.of(new long[0]).count()).isZero();
  }

  @Test
  void findsTheUidsInSearchAndEsearchAnswers() {
    assertThat(FolderInventory.esearchAll("* ESEARCH (TAG \"A7\") UID ALL 1:5,9"))
        .isEqualTo("1:5,9");
    assertThat(FolderInventory.esearchAll("* ESEARCH (TAG \"A7\") UID")).isNull();
    assertThat(FolderInventory.searchUids("* SEARCH 2 5 7")).containsExactly(2L, 5L, 7L);
    assertThat(FolderInventory.searchUids("* SEARCH")).isEmpty();
  }

  private static List<Long> uids(UidRanges r) {
    List<Long> out = new ArrayList<>();
    r.forEach(out::add);
    return out;
  }
}
