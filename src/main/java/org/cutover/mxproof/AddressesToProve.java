package org.cutover.mxproof;

import java.util.List;

/** Every address the migrated domain receives mail at, as the proof asks the new MX about them. */
public interface AddressesToProve {

  /** The addresses of the migration, each once, in a stable order. */
  List<String> of(String migrationId);
}
