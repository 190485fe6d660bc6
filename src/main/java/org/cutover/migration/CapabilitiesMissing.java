package org.cutover.migration;

import java.util.List;

/** A migration cannot run here: capabilities it needs are not configured. */
public class CapabilitiesMissing extends RuntimeException {

  private final List<Capability> missing;

  public CapabilitiesMissing(List<Capability> missing) {
    super(
        "A migration cannot run until these are configured: "
            + String.join("; ", missing.stream().map(Capability::describeMissing).toList()));
    this.missing = List.copyOf(missing);
  }

  public List<Capability> missing() {
    return missing;
  }
}
