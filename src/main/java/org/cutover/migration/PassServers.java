package org.cutover.migration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The servers a mailbox's pass talks to, with their limits, read from its migration. */
@Component
class PassServers {

  private final MigrationStore store;

  PassServers(MigrationStore store) {
    this.store = store;
  }

  /**
   * Source and target, each server once (with the smaller limit where a migration names one server
   * for both), in the order of their keys: every pass takes its slots in that order.
   */
  List<PassServer> of(String mailboxId) {
    MailboxState mailbox =
        store.mailbox(mailboxId).orElseThrow(() -> MigrationNotFound.mailbox(mailboxId));
    String migrationId = mailbox.migrationId();
    StoredMigration migration =
        store.find(migrationId).orElseThrow(() -> new MigrationNotFound(migrationId));
    Map<String, PassServer> servers = new TreeMap<>();
    store.endpoint(migrationId, EndpointRole.SOURCE).ifPresent(e -> add(servers, limited(e)));
    if (migration.targetType() == TargetType.IMAP) {
      store.endpoint(migrationId, EndpointRole.TARGET).ifPresent(e -> add(servers, limited(e)));
    } else {
      add(servers, new PassServer(PassServer.key(TargetImapAccess.HOST, 993), 0));
    }
    return List.copyOf(servers.values());
  }

  private static PassServer limited(StoredEndpoint e) {
    return new PassServer(PassServer.key(e.host(), e.port()), e.maxConcurrentMailboxes());
  }

  private static void add(Map<String, PassServer> servers, PassServer server) {
    servers.merge(
        server.key(),
        server,
        (a, b) ->
            new PassServer(
                a.key(),
                a.limit() == 0
                    ? b.limit()
                    : b.limit() == 0 ? a.limit() : Math.min(a.limit(), b.limit())));
  }
}
