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
   * To every user: the planned switch was set after the announcement went out, or moved; names the
   * time. Once per user for each {@code move} of the time.
   */
  void sendSwitchUpdate(String migrationId, int move);

  /** To every user, shortly before the planned switch: when it happens. Once per user per move. */
  void sendSwitchReminder(String migrationId, int move);

  /**
   * Tells the users the announcement reached (or may have reached) that the move is off; nobody
   * else, and each of them once.
   */
  void sendCancellationLetter(String migrationId);
}
