package org.cutover.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.cutover.mailsync.JournalSyncStateStore;
import org.cutover.mailsync.SpoolFolder;

/**
 * The folder that keeps a {@code sync} run's UID state: one state file per mailbox pair, opened
 * while that pair syncs, so that memory grows with the mailboxes synced at once and not with the
 * whole list. Only one run at a time may use the folder: a lock file in it says so to other
 * processes and to other runs in the same process.
 */
final class StateFolder implements AutoCloseable {

  private static final int READABLE_NAME_LENGTH = 60;
  private static final Duration LOCK_WAIT = Duration.ofSeconds(3);

  private final Path folder;
  private final FileChannel lock;

  private StateFolder(Path folder, FileChannel lock) {
    this.folder = folder;
    this.lock = lock;
  }

  /**
   * Creates the folder when missing and locks it for this run.
   *
   * @throws SpecProblem when it cannot be used, or another run uses it
   */
  static StateFolder open(Path state) {
    Path folder = state.toAbsolutePath();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new SpecProblem(
          "state: "
              + folder
              + " is a file; name a folder (created when missing) that keeps one state file per"
              + " mailbox");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException unwritable) {
      throw new SpecProblem("state: cannot create the folder " + folder + " (" + unwritable + ")");
    }
    StateFolder opened = new StateFolder(folder, lock(folder));
    SpoolFolder.clean(opened.spool(), Duration.ZERO);
    return opened;
  }

  /** The state file of one mailbox pair, opened (created when missing). */
  JournalSyncStateStore mailbox(String key) throws IOException {
    return JournalSyncStateStore.open(folder.resolve(fileName(key)));
  }

  /**
   * Where large messages are spooled while copied; what a killed run left there is deleted when the
   * folder is opened (no other run can use it then).
   */
  Path spool() {
    return folder.resolve("spool");
  }

  Path path() {
    return folder;
  }

  /** A readable, file-system-safe name for the key, made unique by a digest of it. */
  static String fileName(String key) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < key.length() && name.length() < READABLE_NAME_LENGTH; i++) {
      char c = key.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '@';
      name.append(safe ? c : '_');
    }
    return name + "-" + digest(key) + ".state";
  }

  /** Sets up the digest ahead of the first file name (the security providers are read then). */
  static void prepare() {
    digest("");
  }

  private static String digest(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  @Override
  public void close() {
    try {
      lock.close();
    } catch (IOException ignored) {
      // Closing the channel releases the lock; nothing else is left to do.
    }
  }

  /**
   * Locks the folder, waiting a moment for a run that is ending (one just stopped may still be
   * letting go of it).
   */
  private static FileChannel lock(Path folder) {
    Path lockFile = folder.resolve("lock");
    long giveUp = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      FileChannel channel = null;
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() != null) {
          return channel;
        }
        channel.close();
      } catch (OverlappingFileLockException heldHere) {
        closeQuietly(channel);
      } catch (IOException unwritable) {
        closeQuietly(channel);
        throw new SpecProblem("state: cannot lock " + lockFile + " (" + unwritable + ")");
      }
      if (System.nanoTime() > giveUp) {
        throw inUse(folder);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw inUse(folder);
      }
    }
  }

  private static SpecProblem inUse(Path folder) {
    return new SpecProblem(
        "state: "
            + folder
            + " is in use by another sync run; wait for it to end or name another state folder");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Already failing for a clearer reason.
      }
    }
  }
}
