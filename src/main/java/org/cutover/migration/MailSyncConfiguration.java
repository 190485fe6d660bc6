package org.cutover.migration;

import javax.sql.DataSource;
import org.cutover.mailsync.EndpointTester;
import org.cutover.mailsync.MailboxSynchronizer;
import org.cutover.mailsync.SyncStateStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail sync engine's parts as beans: one synchronizer per node. The limit of mailboxes at once
 * per server holds across the cluster through {@link EndpointTurns}; the synchronizer's own gate
 * then never has to hold a pass back.
 */
@Configuration(proxyBeanMethods = false)
class MailSyncConfiguration {

  /** Every server's request to slow down is recorded for all nodes ({@link EndpointBackOffs}). */
  @Bean
  MailboxSynchronizer mailboxSynchronizer(EndpointBackOffs backOffs) {
    return MailboxSynchronizer.withPushback(backOffs);
  }

  @Bean
  EndpointTester endpointTester() {
    return new EndpointTester();
  }

  @Bean
  SyncStateStore syncStateStore(DataSource dataSource) {
    return new JdbcSyncStateStore(dataSource);
  }
}
