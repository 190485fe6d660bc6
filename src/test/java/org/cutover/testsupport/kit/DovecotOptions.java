package org.cutover.testsupport.kit;

/**
 * How a {@link PrivateDovecot} is set up: how many users (user1..userN), the hierarchy separator,
 * the names of its special-use folders, the mail storage format and whether it also speaks TLS.
 */
public record DovecotOptions(
    int users, char separator, SpecialUseNames names, MailFormat format, boolean tls) {

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
    return new DovecotOptions(n, separator, names, format, tls);
  }

  public DovecotOptions withSeparator(char sep) {
    return new DovecotOptions(users, sep, names, format, tls);
  }

  /** Danish special-use names ("Sendt post", Kladder, ...), like an old on-premises server. */
  public DovecotOptions danish() {
    return new DovecotOptions(users, separator, SpecialUseNames.DANISH, format, tls);
  }

  public DovecotOptions withFormat(MailFormat f) {
    return new DovecotOptions(users, separator, names, f, tls);
  }

  /** Also implicit TLS on a second port and STARTTLS on the first (self-signed, localhost). */
  public DovecotOptions withTls() {
    return new DovecotOptions(users, separator, names, format, true);
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
