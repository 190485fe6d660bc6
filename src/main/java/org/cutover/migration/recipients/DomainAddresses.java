package org.cutover.migration.recipients;

import java.util.List;
import java.util.UUID;

/** Every address a migration's domain receives mail at. */
public interface DomainAddresses {

  /**
   * The primary addresses and aliases of every recipient of the migration (mailboxes of every kind,
   * groups, contacts, mail users) that lie in the migration's domain or a subdomain of it, each
   * once, in lower case, sorted; empty for an unknown migration.
   */
  List<String> of(UUID migrationId);
}
