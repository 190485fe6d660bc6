package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.TXT_ATTEMPTS;
import static org.cutover.process.ProcessVariables.TXT_LOOKUP_DETAIL;
import static org.cutover.process.ProcessVariables.TXT_RECORD_FOUND;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.dns.TxtCheck;
import org.cutover.migration.DnsRunbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Verify domain TXT record": looks the verification record up and counts the tries. Sets {@code
 * txtRecordFound}, {@code txtLookupDetail} (what each server answered) and {@code txtAttempts}; the
 * model waits and tries again until {@code txtMaxAttempts}, then asks the administrator.
 */
@Component("verifyTxtRecord")
class VerifyTxtRecord extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(VerifyTxtRecord.class);

  private final ObjectProvider<DnsRunbook> dns;

  VerifyTxtRecord(ObjectProvider<DnsRunbook> dns) {
    this.dns = dns;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    TxtCheck verification =
        Capabilities.require(dns, "DNS capability", DnsRunbook.class).verifyDomainTxt(migrationId);
    int attempts = TXT_ATTEMPTS.getOrDefault(execution, 0) + 1;
    log.info(
        "Migration {}: domain TXT record {} (try {})",
        migrationId,
        verification.found() ? "found" : "not found",
        attempts);
    TXT_ATTEMPTS.set(execution, attempts);
    TXT_RECORD_FOUND.set(execution, verification.found());
    TXT_LOOKUP_DETAIL.set(execution, verification.detail());
  }
}
