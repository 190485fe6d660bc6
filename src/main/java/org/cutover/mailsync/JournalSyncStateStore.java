package org.cutover.mailsync;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SyncStateStore} in a file: every change is appended to the file as one checksummed record
 * before the call returns, the file is read back into memory when opened, and it is rewritten
 * compactly on close once the changes outweigh what it held. A process killed at any moment loses
 * at most the record it was writing, which belongs to a call that had not returned: the engine
 * records an append as pending before it sends it, so nothing sent is ever forgotten.
 *
 * <p>Meant for one mailbox (or a few) per file, as the {@code sync} command keeps it: the whole
 * state of the file is held in memory while it is open. Not safe for two processes at once; the
 * caller locks.
 */
public final class JournalSyncStateStore implements SyncStateStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JournalSyncStateStore.class);

  private static final byte[] MAGIC = "cutover sync state 1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_RECORD_BYTES = 1 << 30;

  private static final byte REPLACE = 1;
  private static final byte BEGIN_APPENDS = 2;
  private static final byte FINISH_APPENDS = 3;
  private static final byte UPDATE_FLAGS = 4;
  private static final byte FORGET = 5;
  private static final byte MARK_SOURCE = 6;
  private static final byte DELETE_FOLDER = 7;
  private static final byte DELETE_MAILBOX = 8;

  private final Path file;
  private final InMemorySyncStateStore memory = new InMemorySyncStateStore();
  private final List<String> mailboxes = new ArrayList<>();
  private final FileChannel channel;

  /** Bytes of the file's full folder records, and of the changes recorded after them. */
  private long folderBytes;

  private long changeBytes;

  private long appended;
  private boolean damaged;

  private JournalSyncStateStore(Path file) throws IOException {
    this.file = file;
    long good = Files.exists(file) ? replay(file) : -1;
    this.channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (good < 0) {
      channel.truncate(0);
      write(ByteBuffer.wrap(MAGIC));
      good = MAGIC.length;
    } else if (good < channel.size()) {
      log.warn(
          "Sync state {}: ignored an incomplete last record ({} bytes) left by a run that was"
              + " stopped while writing it",
          file,
          channel.size() - good);
      channel.truncate(good);
      damaged = true;
    }
    channel.position(good);
  }

  /**
   * Opens the state file, or creates it when missing.
   *
   * @throws IOException when it cannot be read or written, or is not a state file
   */
  public static JournalSyncStateStore open(Path file) throws IOException {
    return new JournalSyncStateStore(file);
  }

  @Override
  public Optional<FolderSyncState> load(String mailboxKey, String sourceFolder) {
    return memory.load(mailboxKey, sourceFolder);
  }

  @Override
  public Optional<FolderSyncState> loadSummary(String mailboxKey, String sourceFolder) {
    return memory.loadSummary(mailboxKey, sourceFolder);
  }

  @Override
  public synchronized void replace(String mailboxKey, FolderSyncState state) {
    append(REPLACE, mailboxKey, state.sourceFolder(), out -> writeFolder(out, state));
    memory.replace(mailboxKey, state);
    if (!mailboxes.contains(mailboxKey)) {
      mailboxes.add(mailboxKey);
    }
  }

  @Override
  public synchronized void beginAppends(
      String mailboxKey, String sourceFolder, List<PendingAppend> appends) {
    requireFolder(mailboxKey, sourceFolder);
    append(BEGIN_APPENDS, mailboxKey, sourceFolder, out -> writePending(out, appends));
    memory.beginAppends(mailboxKey, sourceFolder, appends);
  }

  @Override
  public synchronized void finishAppends(
      String mailboxKey,
      String sourceFolder,
      List<SyncedMessage> synced,
      Collection<Long> settledSourceUids) {
    requireFolder(mailboxKey, sourceFolder);
    append(
        FINISH_APPENDS,
        mailboxKey,
        sourceFolder,
        out -> {
          writeSynced(out, synced);
          writeUids(out, settledSourceUids);
        });
    memory.finishAppends(mailboxKey, sourceFolder, synced, settledSourceUids);
  }

  @Override
  public synchronized void updateFlags(
      String mailboxKey, String sourceFolder, List<SyncedMessage> changed) {
    requireFolder(mailboxKey, sourceFolder);
    append(UPDATE_FLAGS, mailboxKey, sourceFolder, out -> writeSynced(out, changed));
    memory.updateFlags(mailboxKey, sourceFolder, changed);
  }

  @Override
  public synchronized void forget(
      String mailboxKey, String sourceFolder, Collection<Long> sourceUids) {
    requireFolder(mailboxKey, sourceFolder);
    append(FORGET, mailboxKey, sourceFolder, out -> writeUids(out, sourceUids));
    memory.forget(mailboxKey, sourceFolder, sourceUids);
  }

  @Override
  public synchronized void markSourceState(
      String mailboxKey, String sourceFolder, long modSeq, long uidNext, long messages) {
    requireFolder(mailboxKey, sourceFolder);
    append(
        MARK_SOURCE,
        mailboxKey,
        sourceFolder,
        out -> {
          out.writeLong(modSeq);
          out.writeLong(uidNext);
          out.writeLong(messages);
        });
    memory.markSourceState(mailboxKey, sourceFolder, modSeq, uidNext, messages);
  }

  @Override
  public List<String> folders(String mailboxKey) {
    return memory.folders(mailboxKey);
  }

  @Override
  public synchronized void deleteFolder(String mailboxKey, String sourceFolder) {
    append(DELETE_FOLDER, mailboxKey, sourceFolder, out -> {});
    memory.deleteFolder(mailboxKey, sourceFolder);
  }

  @Override
  public synchronized void deleteMailbox(String mailboxKey) {
    append(DELETE_MAILBOX, mailboxKey, "", out -> {});
    memory.deleteMailbox(mailboxKey);
  }

  /**
   * Rewrites the file with the state alone when the changes recorded after the folders' full
   * records outweigh those (or its last record was incomplete), then closes it. Each incremental
   * pass adds a little; counted over all passes, the file stays within about twice its compact size
   * and quick to read back. The new file replaces the old one only once it is complete on disk; if
   * it cannot be written, the old one stays as it is, whole.
   */
  @Override
  public synchronized void close() {
    try {
      if (damaged || changeBytes + appended > Math.max(folderBytes, 64 * 1024)) {
        compact();
      }
    } catch (IOException e) {
      log.warn("Sync state {}: not rewritten compactly ({}); it stays complete as it is", file, e);
    } finally {
      try {
        channel.close();
      } catch (IOException ignored) {
        // every record was written before its call returned; nothing is left to save
      }
    }
  }

  private void compact() throws IOException {
    Path fresh = file.resolveSibling(file.getFileName() + ".new");
    try (FileChannel out =
        FileChannel.open(
            fresh,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(out, ByteBuffer.wrap(MAGIC));
      for (String mailbox : mailboxes) {
        for (String folder : memory.folders(mailbox)) {
          InMemorySyncStateStore.Held held = memory.held(mailbox, folder);
          FolderSyncState state = held.state();
          if (held.unread() instanceof RecordedMessages recorded) {
            writeFully( // the messages' bytes as they were read, still undecoded
                out,
                record(
                    REPLACE,
                    mailbox,
                    folder,
                    o -> {
                      writeHeader(o, state);
                      o.write(recorded.payload(), recorded.offset(), recorded.length());
                      writePending(o, state.pending());
                    }));
          } else {
            writeFully(out, record(REPLACE, mailbox, folder, o -> writeFolder(o, state)));
          }
        }
      }
      out.force(true);
    }
    Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The body of one kind of record. */
  @FunctionalInterface
  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private void append(byte type, String mailboxKey, String folder, Body body) {
    try {
      ByteBuffer record = record(type, mailboxKey, folder, body);
      appended += record.remaining();
      write(record);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sync state file " + file, e);
    }
  }

  private void write(ByteBuffer bytes) throws IOException {
    writeFully(channel, bytes);
  }

  private static void writeFully(FileChannel to, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      to.write(bytes);
    }
  }

  /** Length, CRC-32 of the payload, payload (type, mailbox, folder, body). */
  private static ByteBuffer record(byte type, String mailboxKey, String folder, Body body)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0);
    out.writeInt(0);
    out.writeByte(type);
    writeString(out, mailboxKey);
    writeString(out, folder);
    body.write(out);
    out.flush();
    ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
    int payload = buffer.capacity() - 8;
    CRC32 crc = new CRC32();
    crc.update(buffer.array(), 8, payload);
    buffer.putInt(0, payload);
    buffer.putInt(4, (int) crc.getValue());
    return buffer;
  }

  /**
   * Reads the file into memory; returns the length of its complete records (what follows is an
   * incomplete last record), or -1 for an empty file.
   */
  private long replay(Path from) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(from), 1 << 16);
        DataInputStream in = new DataInputStream(raw)) {
      byte[] magic = new byte[MAGIC.length];
      int got = in.readNBytes(magic, 0, magic.length);
      if (got == 0) {
        return -1;
      }
      if (got < magic.length || !java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException(
            from + " is not a Cutover sync state file; name a new file or remove this one");
      }
      long good = magic.length;
      while (true) {
        byte[] payload = nextRecord(in);
        if (payload == null) {
          return good;
        }
        apply(payload);
        good += 8 + payload.length;
        if (payload[0] == REPLACE) {
          folderBytes += 8 + payload.length;
        } else {
          changeBytes += 8 + payload.length;
        }
      }
    }
  }

  /** The next record's payload, or null at the end or at an incomplete or damaged record. */
  private static byte[] nextRecord(DataInputStream in) throws IOException {
    int length;
    int sum;
    try {
      length = in.readInt();
      sum = in.readInt();
    } catch (EOFException end) {
      return null;
    }
    if (length < 0 || length > MAX_RECORD_BYTES) {
      return null;
    }
    byte[] payload = in.readNBytes(length);
    if (payload.length < length) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(payload);
    return (int) crc.getValue() == sum ? payload : null;
  }

  private void apply(byte[] payload) throws IOException {
    ByteArrayInputStream bytes = new ByteArrayInputStream(payload);
    DataInputStream in = new DataInputStream(bytes);
    byte type = in.readByte();
    String mailbox = readString(in);
    String folder = readString(in);
    if (type != DELETE_MAILBOX && !mailboxes.contains(mailbox)) {
      mailboxes.add(mailbox);
    }
    switch (type) {
      case REPLACE -> replaceUnread(mailbox, folder, payload, payload.length - bytes.available());
      case BEGIN_APPENDS -> memory.beginAppends(mailbox, folder, readPending(in));
      case FINISH_APPENDS -> memory.finishAppends(mailbox, folder, readSynced(in), readUids(in));
      case UPDATE_FLAGS -> memory.updateFlags(mailbox, folder, readSynced(in));
      case FORGET -> memory.forget(mailbox, folder, readUids(in));
      case MARK_SOURCE ->
          memory.markSourceState(mailbox, folder, in.readLong(), in.readLong(), in.readLong());
      case DELETE_FOLDER -> memory.deleteFolder(mailbox, folder);
      case DELETE_MAILBOX -> {
        memory.deleteMailbox(mailbox);
        mailboxes.remove(mailbox);
      }
      default -> throw new IOException(file + " holds a record of unknown type " + type);
    }
  }

  private static void writeFolder(DataOutputStream out, FolderSyncState s) throws IOException {
    writeHeader(out, s);
    writeSynced(out, s.synced());
    writePending(out, s.pending());
  }

  private static void writeHeader(DataOutputStream out, FolderSyncState s) throws IOException {
    writeString(out, s.targetFolder());
    out.writeLong(s.sourceUidValidity());
    out.writeLong(s.targetUidValidity());
    out.writeLong(s.sourceModSeq());
    out.writeLong(s.sourceUidNext());
    out.writeLong(s.sourceMessages());
  }

  /**
   * A folder's synced messages as its REPLACE record holds them, decoded only when the folder is
   * used: most folders of a mailbox are unchanged on an incremental pass, and decoding every
   * message of every folder was a good part of such a pass's work.
   */
  private record RecordedMessages(byte[] payload, int offset, int length)
      implements InMemorySyncStateStore.UnreadMessages {

    @Override
    public List<SyncedMessage> read() {
      try {
        return readSynced(new DataInputStream(new ByteArrayInputStream(payload, offset, length)));
      } catch (IOException e) {
        // the record's checksum matched when it was read: its bytes are as they were written
        throw new UncheckedIOException("damaged sync state record", e);
      }
    }
  }

  /** A REPLACE record from {@code at} (the folder's header) on, its messages left unread. */
  private void replaceUnread(String mailbox, String folder, byte[] payload, int at)
      throws IOException {
    ByteArrayInputStream bytes = new ByteArrayInputStream(payload, at, payload.length - at);
    DataInputStream in = new DataInputStream(bytes);
    String target = readString(in);
    long sourceUidValidity = in.readLong();
    long targetUidValidity = in.readLong();
    long modSeq = in.readLong();
    long uidNext = in.readLong();
    long messages = in.readLong();
    int syncedAt = payload.length - bytes.available();
    ByteBuffer walk = ByteBuffer.wrap(payload, syncedAt, payload.length - syncedAt);
    int count = walk.getInt();
    for (int i = 0; i < count; i++) {
      walk.position(walk.position() + 16); // source and target UID
      int flags = walk.getInt();
      if (flags < 0 || flags > walk.remaining()) {
        throw new IOException("damaged flags length " + flags);
      }
      walk.position(walk.position() + flags);
    }
    int pendingAt = walk.position();
    List<PendingAppend> pending =
        readPending(
            new DataInputStream(
                new ByteArrayInputStream(payload, pendingAt, payload.length - pendingAt)));
    memory.replace(
        mailbox,
        new FolderSyncState(
            folder,
            target,
            sourceUidValidity,
            targetUidValidity,
            modSeq,
            uidNext,
            messages,
            List.of(),
            pending),
        new RecordedMessages(payload, syncedAt, pendingAt - syncedAt));
  }

  private static void writeSynced(DataOutputStream out, List<SyncedMessage> synced)
      throws IOException {
    out.writeInt(synced.size());
    for (SyncedMessage m : synced) {
      out.writeLong(m.sourceUid());
      out.writeLong(m.targetUid());
      writeString(out, m.flags());
    }
  }

  private static List<SyncedMessage> readSynced(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<SyncedMessage> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new SyncedMessage(in.readLong(), in.readLong(), readString(in)));
    }
    return out;
  }

  private static void writePending(DataOutputStream out, List<PendingAppend> pending)
      throws IOException {
    out.writeInt(pending.size());
    for (PendingAppend p : pending) {
      out.writeLong(p.sourceUid());
      writeString(out, p.fingerprint());
      writeString(out, p.flags());
      out.writeLong(p.targetUidFloor());
    }
  }

  private static List<PendingAppend> readPending(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<PendingAppend> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new PendingAppend(in.readLong(), readString(in), readString(in), in.readLong()));
    }
    return out;
  }

  private static void writeUids(DataOutputStream out, Collection<Long> uids) throws IOException {
    out.writeInt(uids.size());
    for (long uid : uids) {
      out.writeLong(uid);
    }
  }

  private static List<Long> readUids(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Long> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readLong());
    }
    return out;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_RECORD_BYTES) {
      throw new IOException("damaged string length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private void requireFolder(String mailboxKey, String sourceFolder) {
    if (!memory.has(mailboxKey, sourceFolder)) {
      throw new IllegalStateException(
          "No sync state for folder '" + sourceFolder + "' of mailbox " + mailboxKey);
    }
  }
}
