package org.cutover.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cutover.mailsync.SyncStateStore;
import org.cutover.migration.JdbcSyncStateStore;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The H2 file that keeps a {@code sync} run's UID state, with the same tables (and the same store)
 * as the application's database. Only one run at a time may use it: a lock file beside it says so
 * to other processes and to other runs in the same process (H2 would share the open file there).
 */
final class StateDatabase implements AutoCloseable {

  /** The application's script for the sync state tables; it refers to no other table. */
  private static final String SCHEMA = "db/migration/V2__sync_state.sql";

  private final FileChannel lock;
  private final JdbcConnectionPool pool;
  private final Path file;
  private final CompletableFuture<SyncStateStore> opened;

  private StateDatabase(FileChannel lock, JdbcConnectionPool pool, Path file) {
    this.lock = lock;
    this.pool = pool;
    this.file = file;
    // H2 opens its file while the mailboxes connect and log in: the store is needed only after.
    this.opened = CompletableFuture.supplyAsync(this::prepare);
  }

  /**
   * Locks the state file for this run and starts opening (or creating) it.
   *
   * @param connections connections kept open at most (one per folder synced at once is plenty)
   */
  static StateDatabase open(Path state, int connections) {
    Path base = withoutH2Suffix(state.toAbsolutePath());
    Path file = base.resolveSibling(base.getFileName() + ".mv.db");
    try {
      Files.createDirectories(base.getParent());
    } catch (IOException unwritable) {
      throw new SpecProblem(
          "state: cannot create the folder " + base.getParent() + " (" + unwritable + ")");
    }
    FileChannel lock = lock(base.resolveSibling(base.getFileName() + ".lock"), file);
    // WRITE_DELAY=0: each commit reaches the file at once, so a killed run loses no recorded
    // append.
    JdbcConnectionPool pool =
        JdbcConnectionPool.create("jdbc:h2:file:" + base + ";WRITE_DELAY=0", "sa", "");
    pool.setMaxConnections(Math.max(2, connections));
    return new StateDatabase(lock, pool, file);
  }

  private SyncStateStore prepare() {
    try (Connection connection = pool.getConnection()) {
      if (!hasTables(connection)) {
        new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).populate(connection);
      }
      return new JdbcSyncStateStore(pool);
    } catch (SQLException failure) {
      if (failure.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
        throw inUse(file);
      }
      throw new SpecProblem("state: cannot open " + file + " (" + failure.getMessage() + ")");
    }
  }

  /** The store; its first use waits until the file is open. */
  SyncStateStore store() {
    return new OpeningStateStore(this::opened);
  }

  /**
   * Waits until the file is open.
   *
   * @throws SpecProblem when it could not be opened
   */
  SyncStateStore opened() {
    try {
      return opened.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof SpecProblem problem) {
        throw problem;
      }
      throw new SpecProblem("state: cannot open " + file + " (" + failed.getCause() + ")");
    }
  }

  Path file() {
    return file;
  }

  @Override
  public void close() {
    opened.exceptionally(failure -> null).join();
    pool.dispose();
    try {
      lock.close();
    } catch (IOException ignored) {
      // Closing the channel releases the lock; nothing else is left to do.
    }
  }

  private static FileChannel lock(Path lockFile, Path file) {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (channel.tryLock() == null) {
        channel.close();
        throw inUse(file);
      }
      return channel;
    } catch (OverlappingFileLockException heldHere) {
      closeQuietly(channel);
      throw inUse(file);
    } catch (IOException unwritable) {
      closeQuietly(channel);
      throw new SpecProblem("state: cannot lock " + lockFile + " (" + unwritable + ")");
    }
  }

  private static SpecProblem inUse(Path file) {
    return new SpecProblem(
        "state: "
            + file
            + " is in use by another sync run; wait for it to end or name another state file");
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

  private static boolean hasTables(Connection connection) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, "MAILSYNC_FOLDER", null)) {
      return tables.next();
    }
  }

  private static Path withoutH2Suffix(Path state) {
    String name = state.getFileName().toString();
    return name.endsWith(".mv.db")
        ? state.resolveSibling(name.substring(0, name.length() - ".mv.db".length()))
        : state;
  }
}
