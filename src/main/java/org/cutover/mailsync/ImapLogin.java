package org.cutover.mailsync;

import java.util.Objects;

/**
 * How to log in to one mailbox. Secrets come from suppliers at login time and are never part of
 * {@link #toString()}.
 */
public sealed interface ImapLogin
    permits ImapLogin.Password, ImapLogin.Delegated, ImapLogin.LoginString, ImapLogin.OAuth2 {

  /** The mailbox the session acts on (the user whose mail is read or written). */
  String mailboxUser();

  /** Who authenticates: the user itself, or the administrator acting for it. */
  String authenticatingUser();

  /** The user logs in with its own password (LOGIN or AUTHENTICATE PLAIN). */
  static ImapLogin password(String user, SecretSupplier password) {
    return new Password(user, password);
  }

  /**
   * An administrator logs in for the user with SASL PLAIN, authorization identity = the user and
   * authentication identity = the administrator (Dovecot master users, Exchange FullAccess).
   */
  static ImapLogin delegated(String mailboxUser, String admin, SecretSupplier adminPassword) {
    return new Delegated(mailboxUser, admin, adminPassword);
  }

  /**
   * An administrator logs in for the user with Exchange's login string, sent with the IMAP LOGIN
   * command and the administrator's password: {@code Domain/Admin/User} when {@code admin} is
   * written {@code Domain/Admin}, else {@code Admin\User} ({@code admin} as {@code DOMAIN\admin} or
   * {@code admin@domain}).
   */
  static ImapLogin adminLoginString(
      String mailboxUser, String admin, SecretSupplier adminPassword) {
    return new LoginString(mailboxUser, admin, adminPassword);
  }

  /** XOAUTH2 with an access token for the user (Exchange Online, Gmail). */
  static ImapLogin oauth2(String user, AccessTokenSupplier tokens) {
    return new OAuth2(user, tokens);
  }

  record Password(String user, SecretSupplier password) implements ImapLogin {
    public Password {
      requireUser(user, "user");
      Objects.requireNonNull(password, "password supplier");
    }

    @Override
    public String mailboxUser() {
      return user;
    }

    @Override
    public String authenticatingUser() {
      return user;
    }

    @Override
    public String toString() {
      return "password login as " + user;
    }
  }

  record Delegated(String mailboxUser, String admin, SecretSupplier adminPassword)
      implements ImapLogin {
    public Delegated {
      requireUser(mailboxUser, "mailbox user");
      requireUser(admin, "administrator");
      Objects.requireNonNull(adminPassword, "administrator password supplier");
    }

    @Override
    public String authenticatingUser() {
      return admin;
    }

    @Override
    public String toString() {
      return "administrator " + admin + " acting as " + mailboxUser;
    }
  }

  record LoginString(String mailboxUser, String admin, SecretSupplier adminPassword)
      implements ImapLogin {
    public LoginString {
      requireUser(mailboxUser, "mailbox user");
      requireUser(admin, "administrator");
      Objects.requireNonNull(adminPassword, "administrator password supplier");
      String problem = LoginStrings.problem(admin, mailboxUser);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }

    /** What is sent as the LOGIN command's user name. */
    public String loginName() {
      return LoginStrings.join(admin, mailboxUser);
    }

    @Override
    public String authenticatingUser() {
      return admin;
    }

    @Override
    public String toString() {
      return "administrator login string " + loginName();
    }
  }

  record OAuth2(String user, AccessTokenSupplier tokens) implements ImapLogin {
    public OAuth2 {
      requireUser(user, "user");
      Objects.requireNonNull(tokens, "access token supplier");
    }

    @Override
    public String mailboxUser() {
      return user;
    }

    @Override
    public String authenticatingUser() {
      return user;
    }

    @Override
    public String toString() {
      return "XOAUTH2 login as " + user;
    }
  }

  private static void requireUser(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("IMAP login needs a " + what + " name");
    }
  }
}
