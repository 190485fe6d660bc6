package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolFolderTest {

  @TempDir Path dir;

  @Test
  void deletesOnlySpoolFilesOlderThanAsked() throws Exception {
    Path stale = Files.writeString(dir.resolve("mailsync-1.eml"), "old");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(7))));
    Path fresh = Files.writeString(dir.resolve("mailsync-2.eml"), "in use");
    Path foreign = Files.writeString(dir.resolve("other.eml"), "not ours");
    Files.setLastModifiedTime(foreign, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

    assertThat(SpoolFolder.clean(dir, Duration.ofHours(6))).isEqualTo(1);

    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
    assertThat(foreign).exists();
    assertThat(SpoolFolder.clean(dir.resolve("missing"), Duration.ZERO)).isZero();
  }
}
