package org.cutover.process;

import java.util.ArrayList;
import java.util.List;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.TransientStepFailure;
import org.cutover.migration.UserLetters;

/** The target, the letters and the sync engine's source test, recording what they were asked. */
class RecordingPorts implements TargetTenant, UserLetters, MailboxSyncEngine {

  final List<String> calls = new ArrayList<>();
  RuntimeException preflightProblem;

  @Override
  public void preflight(String migrationId) {
    calls.add("preflight");
    if (preflightProblem != null) {
      RuntimeException problem = preflightProblem;
      preflightProblem = null;
      throw problem;
    }
  }

  @Override
  public void provisionMailbox(String mailboxId) {
    calls.add("provision " + mailboxId);
  }

  @Override
  public org.cutover.migration.TargetDnsRecords dnsRecords(String migrationId) {
    calls.add("dns records");
    return new org.cutover.migration.TargetDnsRecords(
        "MS=ms12345678",
        java.util.List.of(
            new org.cutover.migration.TargetDnsRecords.MailExchanger(
                0, "contoso-com.mail.protection.outlook.com")),
        "autodiscover.outlook.com");
  }

  @Override
  public void sendAnnouncement(String migrationId) {
    calls.add("announcement");
  }

  @Override
  public void sendLicenceReminder(String migrationId) {
    calls.add("licenceReminder");
  }

  @Override
  public void sendWelcomeLetter(String migrationId) {
    calls.add("welcomeLetter");
  }

  @Override
  public void testSourceEndpoint(String migrationId) {
    calls.add("testSourceEndpoint");
  }

  @Override
  public MailboxSyncReport sync(String mailboxId, SyncMode mode, Runnable heartbeat) {
    throw new UnsupportedOperationException("the process calls the runner, not the engine");
  }

  static StepNeedsAdministrator certificateNotTrusted() {
    return new StepNeedsAdministrator(
        "The certificate of mail.contoso.com is not trusted; import its issuer and retry");
  }

  static TransientStepFailure targetUnreachable() {
    return new TransientStepFailure("graph.microsoft.com did not answer within 30 s");
  }
}
