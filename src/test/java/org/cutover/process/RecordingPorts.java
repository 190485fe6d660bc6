package org.cutover.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cutover.migration.LicenceChoice;
import org.cutover.migration.LicenceOption;
import org.cutover.migration.LicenceReport;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TargetLicences;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.TransientStepFailure;
import org.cutover.migration.UserLetters;
import org.cutover.migration.UserLicence;

/**
 * The target (with its licences), the letters and the sync engine's source test, recording what
 * they were asked. Licence calls are recorded apart, in {@link #licenceCalls}.
 */
class RecordingPorts implements TargetTenant, TargetLicences, UserLetters, MailboxSyncEngine {

  static final LicenceOption EXCHANGE =
      new LicenceOption(
          "4b9405b0-7788-4568-add1-99614e613b69",
          "EXCHANGESTANDARD",
          "Exchange Online (Plan 1)",
          25,
          12,
          true);

  /** A second licence with one free seat: a full suite an administrator may add. */
  static final LicenceOption SUITE =
      new LicenceOption(
          "05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", "Microsoft 365 E3", 10, 1, true);

  final List<String> calls = new ArrayList<>();
  final List<String> licenceCalls = new ArrayList<>();
  RuntimeException preflightProblem;

  /** The tenant's licences; the migration's own (its settings' licenceSku) is EXCHANGE. */
  LicenceChoice licenceChoice =
      new LicenceChoice.Offered(List.of(EXCHANGE, SUITE), EXCHANGE.skuId());

  /** Users whose licence fails, once each: the next assignment gives it to them. */
  final List<String> licenceFailsOnce = new ArrayList<>();

  List<String> withoutLicence = List.of("anna@contoso.com");

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
  public LicenceChoice licenceChoice(String migrationId) {
    licenceCalls.add("offer");
    return licenceChoice;
  }

  /**
   * Two users: those in {@link #licenceFailsOnce} fail; the others hold EXCHANGE already (every
   * user got it when created) or are given the other licence.
   */
  @Override
  public LicenceReport assignLicence(String migrationId, String skuId) {
    licenceCalls.add("assign " + skuId);
    LicenceOption licence = skuId.equals(SUITE.skuId()) ? SUITE : EXCHANGE;
    List<UserLicence> failed = new ArrayList<>();
    for (String user : licenceFailsOnce) {
      failed.add(
          new UserLicence(
              user,
              skuId,
              licence.partNumber(),
              UserLicence.Outcome.FAILED,
              "No free licence " + licence.partNumber() + " is left for " + user,
              java.time.Instant.parse("2026-03-02T08:00:00Z")));
    }
    licenceFailsOnce.clear();
    int done = 2 - failed.size();
    return licence == EXCHANGE
        ? new LicenceReport(licence.partNumber(), 0, done, failed)
        : new LicenceReport(licence.partNumber(), done, 0, failed);
  }

  @Override
  public List<UserLicence> licences(String migrationId) {
    return List.of();
  }

  @Override
  public Optional<List<String>> checkWithoutLicence(String migrationId) {
    licenceCalls.add("check");
    return Optional.of(withoutLicence);
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
  public void sendCancellationLetter(String migrationId) {
    calls.add("cancellationLetter");
  }

  @Override
  public void sendWelcomeLetter(String migrationId) {
    calls.add("welcomeLetter");
  }

  @Override
  public void sendSwitchUpdate(String migrationId, int move) {
    calls.add("switchUpdate " + move);
  }

  @Override
  public void sendSwitchReminder(String migrationId, int move) {
    calls.add("switchReminder " + move);
  }

  @Override
  public void testSourceEndpoint(String migrationId) {
    calls.add("testSourceEndpoint");
  }

  /** What the mailbox preflight finds failing; none unless a test says so. */
  java.util.function.Function<String, List<org.cutover.migration.MailboxCheck>> mailboxChecks =
      migrationId -> List.of();

  /** Steps one preflight round takes: a large batch's round is cut into several. */
  int preflightSteps = 1;

  private int preflightStep;

  @Override
  public org.cutover.migration.PreflightRound checkMailboxes(
      String migrationId, boolean fromStart) {
    calls.add(fromStart ? "checkMailboxes" : "checkMailboxes again");
    preflightStep = fromStart ? 1 : preflightStep + 1;
    if (preflightStep < preflightSteps) {
      return new org.cutover.migration.PreflightRound(preflightSteps - preflightStep, List.of());
    }
    return new org.cutover.migration.PreflightRound(0, mailboxChecks.apply(migrationId));
  }

  @Override
  public MailboxSyncReport sync(
      String mailboxId, SyncMode mode, org.cutover.migration.PassWatch watch) {
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
