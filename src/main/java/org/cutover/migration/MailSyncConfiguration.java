package org.cutover.migration;

import javax.sql.DataSource;
import org.cutover.mailsync.EndpointTester;
import org.cutover.mailsync.MailboxSynchronizer;
import org.cutover.mailsync.SyncStateStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail sync engine's parts as beans: one synchronizer per node, so that its per-endpoint gate
 * holds every endpoint to its limit of concurrent mailboxes across all batches.
 */
@Configuration(proxyBeanMethods = false)
class MailSyncConfiguration {

  @Bean
  MailboxSynchronizer mailboxSynchronizer() {
    return new MailboxSynchronizer();
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
