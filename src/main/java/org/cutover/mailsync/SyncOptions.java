package org.cutover.mailsync;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one mailbox pass runs.
 *
 * @param excludedFolders folder patterns not synced (and reported): {@code /} separates levels,
 *     {@code *} matches any characters, matching ignores case
 * @param folderMap explicit source-to-target folder names ({@code /} separates levels), applied
 *     before special-use and name mapping; subfolders follow their parent
 * @param maxMessageBytes larger messages are skipped and reported (0 = no limit besides the
 *     target's APPENDLIMIT)
 * @param badItemLimit how many messages the target may reject before the mailbox fails
 * @param deletedOnSource what to do with copies of messages deleted on the source
 * @param duplicateMatching how copies are recognised when UID state cannot tell
 * @param parallelFolders folders of one mailbox synced at once (each uses one source and one target
 *     connection)
 * @param batchMessages messages fetched and appended per batch
 * @param batchBytes bytes fetched into memory per batch
 * @param largeMessageBytes messages at least this large are spooled to a file in {@code
 *     spoolDirectory} and streamed, never held whole in memory
 * @param spoolDirectory where large messages are spooled (null = the system temp directory)
 * @param retry how passing failures are retried
 */
public record SyncOptions(
    List<String> excludedFolders,
    Map<String, String> folderMap,
    long maxMessageBytes,
    int badItemLimit,
    DeletedOnSource deletedOnSource,
    DuplicateMatching duplicateMatching,
    int parallelFolders,
    int batchMessages,
    long batchBytes,
    long largeMessageBytes,
    Path spoolDirectory,
    RetryPolicy retry) {

  /**
   * Folders that Exchange lists over IMAP but that hold no mail (calendar, contacts, tasks, notes,
   * journal, sync logs), in English and Danish. Excluded by default and reported as not migrated.
   */
  public static final List<String> EXCHANGE_NON_MAIL_FOLDERS =
      List.of(
          "Calendar",
          "Calendar/*",
          "Contacts",
          "Contacts/*",
          "Tasks",
          "Tasks/*",
          "Journal",
          "Journal/*",
          "Notes",
          "Notes/*",
          "Sync Issues",
          "Sync Issues/*",
          "Kalender",
          "Kalender/*",
          "Kontaktpersoner",
          "Kontaktpersoner/*",
          "Opgaver",
          "Opgaver/*",
          "Noter",
          "Noter/*",
          "Synkroniseringsproblemer",
          "Synkroniseringsproblemer/*");

  public SyncOptions {
    excludedFolders = List.copyOf(Objects.requireNonNullElse(excludedFolders, List.of()));
    folderMap = Map.copyOf(Objects.requireNonNullElse(folderMap, Map.of()));
    if (maxMessageBytes < 0) {
      throw new IllegalArgumentException("maxMessageBytes must be 0 or positive");
    }
    if (badItemLimit < 0) {
      throw new IllegalArgumentException("badItemLimit must be 0 or positive");
    }
    Objects.requireNonNull(deletedOnSource, "deletedOnSource");
    Objects.requireNonNull(duplicateMatching, "duplicateMatching");
    if (parallelFolders < 1 || parallelFolders > 16) {
      throw new IllegalArgumentException("parallelFolders must be 1..16, got " + parallelFolders);
    }
    if (batchMessages < 1) {
      throw new IllegalArgumentException("batchMessages must be at least 1");
    }
    if (batchBytes < 64 * 1024) {
      throw new IllegalArgumentException("batchBytes must be at least 64 KiB");
    }
    if (largeMessageBytes < 64 * 1024 || largeMessageBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("largeMessageBytes must be between 64 KiB and 2 GiB");
    }
    Objects.requireNonNull(retry, "retry");
  }

  /**
   * Exchange's non-mail folders excluded, no size limit of our own, 50 bad items, copies kept when
   * deleted on the source, exact duplicate matching, 4 folders at once, batches of 200 messages or
   * 8 MiB, messages from 8 MiB up streamed through a spool file, standard retries.
   */
  public static SyncOptions defaults() {
    return new SyncOptions(
        EXCHANGE_NON_MAIL_FOLDERS,
        Map.of(),
        0,
        50,
        DeletedOnSource.KEEP_ON_TARGET,
        DuplicateMatching.EXACT,
        4,
        200,
        8L << 20,
        8L << 20,
        null,
        RetryPolicy.standard());
  }

  /** A builder that starts from these options: the one way to copy them with changes. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Options changed one setting at a time; {@link #build()} checks them as the record does. */
  public static final class Builder {
    private List<String> excludedFolders;
    private Map<String, String> folderMap;
    private long maxMessageBytes;
    private int badItemLimit;
    private DeletedOnSource deletedOnSource;
    private DuplicateMatching duplicateMatching;
    private int parallelFolders;
    private int batchMessages;
    private long batchBytes;
    private long largeMessageBytes;
    private Path spoolDirectory;
    private RetryPolicy retry;

    private Builder(SyncOptions from) {
      excludedFolders = from.excludedFolders;
      folderMap = from.folderMap;
      maxMessageBytes = from.maxMessageBytes;
      badItemLimit = from.badItemLimit;
      deletedOnSource = from.deletedOnSource;
      duplicateMatching = from.duplicateMatching;
      parallelFolders = from.parallelFolders;
      batchMessages = from.batchMessages;
      batchBytes = from.batchBytes;
      largeMessageBytes = from.largeMessageBytes;
      spoolDirectory = from.spoolDirectory;
      retry = from.retry;
    }

    public Builder excludedFolders(List<String> patterns) {
      excludedFolders = patterns;
      return this;
    }

    public Builder folderMap(Map<String, String> map) {
      folderMap = map;
      return this;
    }

    public Builder maxMessageBytes(long max) {
      maxMessageBytes = max;
      return this;
    }

    public Builder badItemLimit(int limit) {
      badItemLimit = limit;
      return this;
    }

    public Builder deletedOnSource(DeletedOnSource policy) {
      deletedOnSource = policy;
      return this;
    }

    public Builder duplicateMatching(DuplicateMatching matching) {
      duplicateMatching = matching;
      return this;
    }

    public Builder parallelFolders(int parallel) {
      parallelFolders = parallel;
      return this;
    }

    /** Messages and bytes fetched and appended per batch. */
    public Builder batch(int messages, long bytes) {
      batchMessages = messages;
      batchBytes = bytes;
      return this;
    }

    /** Messages from {@code fromBytes} up are spooled in {@code spool} (null = temp directory). */
    public Builder largeMessages(long fromBytes, Path spool) {
      largeMessageBytes = fromBytes;
      spoolDirectory = spool;
      return this;
    }

    public Builder retry(RetryPolicy policy) {
      retry = policy;
      return this;
    }

    public SyncOptions build() {
      return new SyncOptions(
          excludedFolders,
          folderMap,
          maxMessageBytes,
          badItemLimit,
          deletedOnSource,
          duplicateMatching,
          parallelFolders,
          batchMessages,
          batchBytes,
          largeMessageBytes,
          spoolDirectory,
          retry);
    }
  }
}
