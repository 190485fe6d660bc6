package org.cutover.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.SyncMode;
import org.cutover.migration.UserLetters;

/**
 * Mail sync and letters for end-to-end runbook tests that are about something else: each call is
 * recorded in {@link #calls} and every mailbox syncs at once.
 */
class RecordedSyncAndLetters implements MailboxSyncEngine, UserLetters {

  final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void testSourceEndpoint(String migrationId) {
    calls.add("testSourceEndpoint");
  }

  @Override
  public org.cutover.migration.PreflightRound checkMailboxes(
      String migrationId, boolean fromStart) {
    calls.add("checkMailboxes");
    return new org.cutover.migration.PreflightRound(0, List.of());
  }

  @Override
  public MailboxSyncReport sync(
      String mailboxId, SyncMode mode, org.cutover.migration.PassWatch watch) {
    calls.add("sync " + mode);
    return new MailboxSyncReport(5, 1, 0, 5000, null);
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
}
