package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UidSetTest {

  @Test
  void writesSortedUidsAsRangesSplitIntoShortSets() {
    assertThat(UidSet.format(List.of(9L, 1L, 2L, 3L, 5L, 10L, 11L, 7L), 100))
        .containsExactly("1:3,5,7,9:11");
    assertThat(UidSet.format(List.of(1L, 3L, 5L, 7L), 2)).containsExactly("1,3", "5,7");
  }

  @Test
  void expandsAServersSetInItsOrder() {
    assertThat(UidSet.expand("4,7:9")).containsExactly(4L, 7L, 8L, 9L);
    assertThat(UidSet.expand("12:10")).containsExactly(12L, 11L, 10L);
  }
}
