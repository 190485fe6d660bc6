package org.cutover.mailsync;

/**
 * How strictly a message already on the target is recognised as the copy of a source message when
 * the UID state cannot tell (an APPEND whose answer was lost, a UIDVALIDITY change, a target filled
 * before the first run).
 */
public enum DuplicateMatching {
  /**
   * Same Message-ID, INTERNALDATE and header section (and the same size where both agree). For
   * targets that store what they are given, such as Dovecot.
   */
  EXACT,
  /**
   * As {@link #EXACT}, then Message-ID and INTERNALDATE alone for messages that have a Message-ID.
   * For targets that rewrite messages on APPEND, such as Exchange Online.
   */
  MESSAGE_ID_AND_DATE
}
