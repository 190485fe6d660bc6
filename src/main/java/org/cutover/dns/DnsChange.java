package org.cutover.dns;

import java.time.Instant;
import java.util.Optional;

/**
 * One journalled change of one record set, for the rollback: what it held before and after (empty =
 * no such record set), when the change was asked for, when it was seen applied, and when it was
 * undone. A change still without {@code appliedAt} was asked for but not (yet) seen in the zone,
 * e.g. an instruction waiting for the administrator.
 */
public record DnsChange(
    long id,
    String migrationId,
    DnsStep step,
    String name,
    RecordType type,
    Optional<RecordSet> before,
    Optional<RecordSet> after,
    Instant requestedAt,
    Optional<Instant> appliedAt,
    Optional<Instant> rolledBackAt) {

  public DnsChange {
    name = DnsNames.absolute(name);
    if (before.isEmpty() && after.isEmpty()) {
      throw new IllegalArgumentException(
          "A DNS change of " + name + " " + type + " needs a before or an after");
    }
  }

  /** A change not yet stored (its id is 0). */
  public static DnsChange requested(
      String migrationId,
      DnsStep step,
      String name,
      RecordType type,
      Optional<RecordSet> before,
      Optional<RecordSet> after,
      Instant at) {
    return new DnsChange(
        0, migrationId, step, name, type, before, after, at, Optional.empty(), Optional.empty());
  }

  public boolean applied() {
    return appliedAt.isPresent();
  }

  public boolean rolledBack() {
    return rolledBackAt.isPresent();
  }

  /** One line: {@code SWAP_MX contoso.com. MX: 10 mail.contoso.com. -> 0 contoso-com.mail...}. */
  public String describe() {
    return step + " " + name + " " + type + ": " + text(before) + " -> " + text(after);
  }

  private static String text(Optional<RecordSet> set) {
    return set.map(s -> "TTL " + s.ttl() + " " + String.join(", ", s.values())).orElse("(none)");
  }
}
