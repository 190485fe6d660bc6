package org.cutover.migration;

import org.cutover.mailsync.SyncStateStore;
import org.cutover.mailsync.SyncStateStoreContract;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** The JDBC sync state on the real schema (Flyway migrations) in an in-memory H2 database. */
class JdbcSyncStateStoreTest extends SyncStateStoreContract {

  @Override
  protected SyncStateStore emptyStore() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:sync-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .table("cutover_schema_history")
        .load()
        .migrate();
    return new JdbcSyncStateStore(ds);
  }
}
