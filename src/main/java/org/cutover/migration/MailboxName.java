package org.cutover.migration;

import java.util.Locale;

/**
 * How an admin acting for a user names the user's mailbox: the address (or the mailbox's source
 * login), or Exchange's alias, the part of the address before the {@code @}. Exchange 2010 and
 * later take the alias (mailNickname) as the authorization identity and in its login strings.
 */
public enum MailboxName {
  ADDRESS,
  ALIAS;

  /** The name of {@code user} (an address or a login) as this rule writes it. */
  public String of(String user) {
    if (this == ADDRESS) {
      return user;
    }
    int at = user.indexOf('@');
    return (at > 0 ? user.substring(0, at) : user).toLowerCase(Locale.ROOT);
  }
}
