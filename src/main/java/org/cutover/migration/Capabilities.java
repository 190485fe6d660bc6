package org.cutover.migration;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Which of the capabilities a migration needs are configured in this application. */
@Component
public class Capabilities {

  private final ObjectProvider<MailboxSyncEngine> mailSync;
  private final ObjectProvider<TargetTenant> target;
  private final ObjectProvider<UserLetters> letters;
  private final ObjectProvider<DnsRunbook> dns;

  Capabilities(
      ObjectProvider<MailboxSyncEngine> mailSync,
      ObjectProvider<TargetTenant> target,
      ObjectProvider<UserLetters> letters,
      ObjectProvider<DnsRunbook> dns) {
    this.mailSync = mailSync;
    this.target = target;
    this.letters = letters;
    this.dns = dns;
  }

  /** The capabilities a migration needs that no bean provides, in a fixed order. */
  public List<Capability> missing() {
    List<Capability> missing = new ArrayList<>();
    if (mailSync.getIfAvailable() == null) {
      missing.add(Capability.MAIL_SYNC);
    }
    if (target.getIfAvailable() == null) {
      missing.add(Capability.TARGET);
    }
    if (letters.getIfAvailable() == null) {
      missing.add(Capability.LETTERS);
    }
    if (dns.getIfAvailable() == null) {
      missing.add(Capability.DNS);
    }
    return missing;
  }
}
