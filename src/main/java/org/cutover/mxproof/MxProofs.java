package org.cutover.mxproof;

import java.util.Optional;

/**
 * The proof at the new MX before the swap: asks the target's mail exchanger about every address and
 * keeps the answers; refused addresses can be accepted by an administrator, recorded with who and
 * when.
 */
public interface MxProofs {

  /** Asks the new MX about every address of the migration now and stores the answers. */
  MxProofReport prove(String migrationId);

  /**
   * Records that {@code acceptedBy} lets the swap go ahead although the addresses of the last proof
   * that would bounce do; returns the report with the acceptance.
   */
  MxProofReport acceptWouldBounce(String migrationId, String acceptedBy);

  /** The last proof; empty before the first. */
  Optional<MxProofReport> of(String migrationId);
}
