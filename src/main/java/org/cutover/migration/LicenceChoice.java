package org.cutover.migration;

import java.util.List;
import java.util.Optional;

/** What the task "Assign licences" can offer the administrator for a migration. */
public sealed interface LicenceChoice {

  /**
   * The target's licences, mailbox licences first.
   *
   * @param options the licences with their free seats
   * @param migrationLicence the skuId of the migration's own licence (its settings' licenceSku,
   *     which every user got when it was created), when it is among {@code options}; else null
   */
  record Offered(List<LicenceOption> options, String migrationLicence) implements LicenceChoice {
    public Offered {
      options = List.copyOf(options);
      if (migrationLicence != null
          && options.stream().noneMatch(option -> option.skuId().equals(migrationLicence))) {
        throw new IllegalArgumentException(
            "The migration's licence " + migrationLicence + " is not among the offered ones");
      }
    }

    /** The migration's own licence among the options, if the target still offers it. */
    public Optional<LicenceOption> preselected() {
      return options.stream().filter(option -> option.skuId().equals(migrationLicence)).findFirst();
    }
  }

  /**
   * The target has no licences to choose from (an IMAP host): {@code reason} says what the
   * administrator checks instead.
   */
  record NotOffered(String reason) implements LicenceChoice {}
}
