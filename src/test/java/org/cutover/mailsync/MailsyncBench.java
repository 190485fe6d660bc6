package org.cutover.mailsync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cutover.migration.JdbcSyncStateStore;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One benchmark run of the engine, started by {@code bench/mailsync}: syncs user1..userN from a
 * source to a target Dovecot (mailboxes in parallel up to the endpoint limit) and prints one {@code
 * result} line. The UID state lives in an H2 file (the application's JDBC store), so each run is a
 * separate process that picks up where the last one left, as in production.
 *
 * <p>Options: {@code --source-port P --target-port P --users N [--mailboxes K] [--parallel-folders
 * F] [--state DIR]}.
 */
final class MailsyncBench {

  private MailsyncBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int srcPort = Integer.parseInt(o.get("source-port"));
    int dstPort = Integer.parseInt(o.get("target-port"));
    int users = Integer.parseInt(o.get("users"));
    int mailboxes = Integer.parseInt(o.getOrDefault("mailboxes", Integer.toString(users)));
    int folders = Integer.parseInt(o.getOrDefault("parallel-folders", "4"));
    long init = System.nanoTime();
    SyncStateStore store = store(o.get("state"));
    long initMs = (System.nanoTime() - init) / 1_000_000;

    ImapEndpoint src =
        ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", srcPort)
            .withMaxConcurrentMailboxes(mailboxes);
    ImapEndpoint dst =
        ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", dstPort)
            .withMaxConcurrentMailboxes(mailboxes);
    SyncOptions options = SyncOptions.defaults().withParallelFolders(folders);
    if (o.containsKey("batch-messages")) {
      options =
          options.withBatch(
              Integer.parseInt(o.get("batch-messages")),
              Long.parseLong(o.getOrDefault("batch-mb", "8")) << 20);
    }
    SyncOptions chosen = options;
    MailboxSynchronizer synchronizer = new MailboxSynchronizer();

    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<Future<SyncOutcome>> running = new ArrayList<>();
    for (int u = 1; u <= users; u++) {
      String user = "user" + u;
      SecretSupplier pw = () -> ("pass-" + user).toCharArray();
      running.add(
          pool.submit(
              () ->
                  synchronizer.sync(
                      user,
                      new SourceAccount(src, ImapLogin.password(user, pw)),
                      new TargetAccount(dst, ImapLogin.password(user, pw)),
                      chosen,
                      store,
                      SyncProgressListener.NONE)));
    }
    long copied = 0;
    long bytes = 0;
    long flags = 0;
    long matched = 0;
    long skipped = 0;
    int notSynced = 0;
    for (Future<SyncOutcome> f : running) {
      SyncOutcome out = f.get();
      SyncStatistics s = out.statistics();
      copied += s.messagesCopied();
      bytes += s.bytesCopied();
      flags += s.flagsUpdated();
      matched += s.messagesMatched();
      skipped += s.messagesSkipped() + s.messagesRejected();
      if (!(out instanceof SyncOutcome.Synced)) {
        notSynced++;
        System.err.println("not synced: " + out);
      }
    }
    pool.shutdown();
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "result copied=%d bytes=%d flags=%d matched=%d skipped=%d notsynced=%d sync_ms=%d"
            + " state_init_ms=%d jvm_uptime_ms=%d%n",
        copied,
        bytes,
        flags,
        matched,
        skipped,
        notSynced,
        ms,
        initMs,
        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    System.exit(notSynced == 0 ? 0 : 1);
  }

  private static SyncStateStore store(String dir) throws Exception {
    if (dir == null || dir.equals("memory")) {
      return new InMemorySyncStateStore();
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(
        "jdbc:h2:file:"
            + Path.of(dir).toAbsolutePath().resolve("state")
            + ";DB_CLOSE_ON_EXIT=TRUE");
    h2.setUser("sa");
    // pooled, as the application's DataSource is (H2's own small pool starts fastest)
    javax.sql.DataSource ds = org.h2.jdbcx.JdbcConnectionPool.create(h2);
    createTables(ds);
    return new JdbcSyncStateStore(ds);
  }

  /**
   * Runs the application's migration script once, as Flyway would at application start (Flyway
   * itself would scan the whole test classpath, which costs seconds per benchmark process).
   */
  private static void createTables(javax.sql.DataSource ds) throws Exception {
    try (java.sql.Connection c = ds.getConnection();
        java.sql.ResultSet t = c.getMetaData().getTables(null, null, "MAILSYNC_FOLDER", null)) {
      if (t.next()) {
        return;
      }
      String sql;
      try (java.io.InputStream in =
          MailsyncBench.class.getResourceAsStream("/db/migration/V2__sync_state.sql")) {
        sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      StringBuilder code = new StringBuilder();
      for (String line : sql.split("\n")) {
        if (!line.strip().startsWith("--")) {
          code.append(line).append('\n');
        }
      }
      try (java.sql.Statement st = c.createStatement()) {
        for (String statement : code.toString().split(";")) {
          if (!statement.isBlank()) {
            st.execute(statement);
          }
        }
      }
    }
  }
}
