package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncOptionsTest {

  @Test
  void aCopyWithChangesKeepsEverythingElse() {
    SyncOptions defaults = SyncOptions.defaults();
    RetryPolicy retry = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50));

    SyncOptions copy =
        defaults.toBuilder()
            .parallelFolders(2)
            .batch(10, 1L << 20)
            .largeMessages(1L << 20, Path.of("spool"))
            .retry(retry)
            .build();

    assertThat(copy)
        .isEqualTo(
            new SyncOptions(
                SyncOptions.EXCHANGE_NON_MAIL_FOLDERS,
                Map.of(),
                0,
                50,
                DeletedOnSource.KEEP_ON_TARGET,
                DuplicateMatching.EXACT,
                2,
                10,
                1L << 20,
                1L << 20,
                Path.of("spool"),
                retry));
    assertThat(defaults).isEqualTo(SyncOptions.defaults());
  }

  @Test
  void everySettingCanBeChanged() {
    SyncOptions copy =
        SyncOptions.defaults().toBuilder()
            .excludedFolders(List.of("Junk"))
            .folderMap(Map.of("Old", "Archive"))
            .maxMessageBytes(1000)
            .badItemLimit(0)
            .deletedOnSource(DeletedOnSource.DELETE_ON_TARGET)
            .duplicateMatching(DuplicateMatching.MESSAGE_ID_AND_DATE)
            .build();

    assertThat(copy.excludedFolders()).containsExactly("Junk");
    assertThat(copy.folderMap()).containsExactly(Map.entry("Old", "Archive"));
    assertThat(copy.maxMessageBytes()).isEqualTo(1000);
    assertThat(copy.badItemLimit()).isZero();
    assertThat(copy.deletedOnSource()).isEqualTo(DeletedOnSource.DELETE_ON_TARGET);
    assertThat(copy.duplicateMatching()).isEqualTo(DuplicateMatching.MESSAGE_ID_AND_DATE);
  }

  @Test
  void aCopyIsCheckedAsTheRecordIs() {
    assertThatThrownBy(() -> SyncOptions.defaults().toBuilder().parallelFolders(17).build())
        .hasMessageContaining("parallelFolders must be 1..16");
  }
}
