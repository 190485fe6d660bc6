package org.cutover.testsupport.kit;

/**
 * How a {@link PrivateDovecot} is set up: how many users (user1..userN), the hierarchy separator,
 * the names of its special-use folders, the mail storage format, whether it also speaks TLS,
 * whether the admin may log in with Exchange-style login strings, and whether its TLS stops at
 * version 1.1 (an old server).
 */
public record DovecotOptions(
    int users,
    char separator,
    SpecialUseNames names,
    MailFormat format,
    boolean tls,
    boolean loginStrings,
    boolean tlsUpTo11,
    String oauth2IntrospectionUrl) {

  public DovecotOptions(
      int users, char separator, SpecialUseNames names, MailFormat format, boolean tls) {
    this(users, separator, names, format, tls, false, false, null);
  }

  public DovecotOptions {
    if (users < 1) {
      throw new IllegalArgumentException("users must be at least 1, got " + users);
    }
    if (separator != '/' && separator != '.') {
      throw new IllegalArgumentException("separator must be '/' or '.', got '" + separator + "'");
    }
  }

  /** Five users, '/' as separator, English special-use names, maildir, no TLS. */
  public static DovecotOptions defaults() {
    return new DovecotOptions(5, '/', SpecialUseNames.ENGLISH, MailFormat.MAILDIR, false);
  }

  public DovecotOptions withUsers(int n) {
    return new DovecotOptions(
        n, separator, names, format, tls, loginStrings, tlsUpTo11, oauth2IntrospectionUrl);
  }

  public DovecotOptions withSeparator(char sep) {
    return new DovecotOptions(
        users, sep, names, format, tls, loginStrings, tlsUpTo11, oauth2IntrospectionUrl);
  }

  /** Danish special-use names ("Sendt post", Kladder, ...), like an old on-premises server. */
  public DovecotOptions danish() {
    return new DovecotOptions(
        users,
        separator,
        SpecialUseNames.DANISH,
        format,
        tls,
        loginStrings,
        tlsUpTo11,
        oauth2IntrospectionUrl);
  }

  public DovecotOptions withFormat(MailFormat f) {
    return new DovecotOptions(
        users, separator, names, f, tls, loginStrings, tlsUpTo11, oauth2IntrospectionUrl);
  }

  /** Also implicit TLS on a second port and STARTTLS on the first (self-signed, localhost). */
  public DovecotOptions withTls() {
    return new DovecotOptions(
        users, separator, names, format, true, loginStrings, tlsUpTo11, oauth2IntrospectionUrl);
  }

  /**
   * The admin also logs in with Exchange's login strings, sent with LOGIN and the admin's password:
   * admin&#92;userK, CUTOVER&#92;admin&#92;userK and CUTOVER/admin/userK open userK's mailbox (a
   * passdb of those names, each renamed to the user).
   */
  public DovecotOptions withLoginStrings() {
    return new DovecotOptions(
        users, separator, names, format, tls, true, tlsUpTo11, oauth2IntrospectionUrl);
  }

  /**
   * TLS (as {@link #withTls()}) only up to version 1.1, like an Exchange 2007/2010: OpenSSL's
   * configuration of the server's processes caps the version and lowers the security level.
   */
  public DovecotOptions withTlsUpTo11() {
    return new DovecotOptions(
        users, separator, names, format, true, loginStrings, true, oauth2IntrospectionUrl);
  }

  /**
   * Users also log in with SASL XOAUTH2: Dovecot's oauth2 passdb posts each token to {@code url}
   * (RFC 7662 introspection) and lets the login in only when the answer says the token is active
   * and names the user.
   */
  public DovecotOptions withOAuth2Introspection(String url) {
    return new DovecotOptions(users, separator, names, format, tls, loginStrings, tlsUpTo11, url);
  }

  /** Mail storage of the users' mailboxes. */
  public enum MailFormat {
    MAILDIR("maildir:~/Maildir"),
    SDBOX("sdbox:~/sdbox");

    final String location;

    MailFormat(String location) {
      this.location = location;
    }
  }

  /** The folder names that carry the special-use attributes. */
  public enum SpecialUseNames {
    ENGLISH("Drafts", "Sent", "Trash", "Junk", "Archive"),
    DANISH("Kladder", "Sendt post", "Slettet post", "Uønsket mail", "Arkiv");

    final String drafts;
    final String sent;
    final String trash;
    final String junk;
    final String archive;

    SpecialUseNames(String drafts, String sent, String trash, String junk, String archive) {
      this.drafts = drafts;
      this.sent = sent;
      this.trash = trash;
      this.junk = junk;
      this.archive = archive;
    }
  }
}
