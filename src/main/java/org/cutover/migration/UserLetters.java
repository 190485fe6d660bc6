package org.cutover.migration;

/**
 * Letters to the migrated users and the administrator, each sent once per person even when a step
 * is retried.
 */
public interface UserLetters {

  void sendAnnouncement(String migrationId);

  void sendLicenceReminder(String migrationId);

  void sendWelcomeLetter(String migrationId);

  /**
   * Tells the users the announcement reached (or may have reached) that the move is off; nobody
   * else, and each of them once.
   */
  void sendCancellationLetter(String migrationId);
}
