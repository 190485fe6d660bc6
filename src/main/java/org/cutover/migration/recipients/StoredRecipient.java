package org.cutover.migration.recipients;

import java.util.ArrayList;
import java.util.List;
import org.cutover.directory.ExclusionReason;
import org.cutover.directory.RecipientKind;

/**
 * A recipient as stored for a discovery or a migration.
 *
 * @param excludedReason why its mailbox is not migrated, or null
 */
public record StoredRecipient(
    String id,
    RecipientKind kind,
    String displayName,
    String primaryAddress,
    List<String> aliases,
    List<String> x500,
    String legacyExchangeDn,
    String externalAddress,
    List<String> owners,
    List<String> members,
    boolean disabled,
    ExclusionReason excludedReason) {

  public StoredRecipient {
    aliases = List.copyOf(aliases);
    x500 = List.copyOf(x500);
    owners = List.copyOf(owners);
    members = List.copyOf(members);
  }

  /** The primary address and the aliases. */
  public List<String> smtpAddresses() {
    List<String> all = new ArrayList<>();
    all.add(primaryAddress);
    all.addAll(aliases);
    return all;
  }
}
