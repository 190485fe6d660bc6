package org.cutover.dns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks up the tenant's domain verification TXT record at every authoritative server. */
public final class TxtStep {

  private static final Logger log = LoggerFactory.getLogger(TxtStep.class);

  private final ChangeRecorder recorder;

  TxtStep(ChangeRecorder recorder) {
    this.recorder = recorder;
  }

  /** Whether every authoritative server publishes the tenant's verification text at the domain. */
  public TxtCheck verifyDomainTxt(DnsMigration m) {
    if (m.verificationText() == null || m.verificationText().isBlank()) {
      return new TxtCheck(
          false,
          "Migration "
              + m.migrationId()
              + " has no domain verification text (MS=ms...); take it from the tenant first");
    }
    TxtCheck check =
        recorder.lookups(m).verifyTxt(m.zone().zone(), m.domain(), m.verificationText().strip());
    log.info(
        "DNS TXT {} for migration {} at {}: {}",
        m.verificationText().strip(),
        m.migrationId(),
        m.domain(),
        check.found() ? "found" : "not found");
    return check;
  }
}
