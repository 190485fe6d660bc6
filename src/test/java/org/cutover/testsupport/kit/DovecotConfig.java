package org.cutover.testsupport.kit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole dovecot.conf of a private instance: nothing is read from /etc/dovecot. Everything the
 * server writes lives under its own directory, it listens on 127.0.0.1 only, and the accounts come
 * from two passwd-files in that directory (the users, and the master user who may act for them).
 */
final class DovecotConfig {

  private static final Path DH_PARAMETERS = Path.of("/usr/share/dovecot/dh.pem");

  private DovecotConfig() {}

  /** Who runs the processes: Dovecot's own system users as root, else the current user. */
  record Accounts(String loginUser, String internalUser, String internalGroup, int uid, int gid) {}

  static String render(
      Path dir, Path baseDir, int port, int tlsPort, DovecotOptions options, Accounts accounts) {
    DovecotOptions.SpecialUseNames n = options.names();
    StringBuilder c = new StringBuilder();
    c.append("# written by the test kit (PrivateDovecot); rewritten on every start\n")
        .append("instance_name = cutover-test-")
        .append(port)
        .append('\n')
        .append("base_dir = ")
        .append(baseDir)
        .append('\n')
        .append("state_dir = ")
        .append(dir.resolve("state"))
        .append('\n')
        .append("log_path = ")
        .append(dir.resolve("log").resolve("dovecot.log"))
        .append('\n')
        .append("protocols = imap\nlisten = 127.0.0.1\nauth_verbose = yes\n")
        .append("default_login_user = ")
        .append(accounts.loginUser())
        .append('\n')
        .append("default_internal_user = ")
        .append(accounts.internalUser())
        .append('\n')
        .append("default_internal_group = ")
        .append(accounts.internalGroup())
        .append('\n')
        .append("first_valid_uid = ")
        .append(accounts.uid())
        .append("\nlast_valid_uid = ")
        .append(accounts.uid())
        .append("\nfirst_valid_gid = ")
        .append(accounts.gid())
        .append("\ndefault_vsz_limit = 1G\n");
    if (options.tls()) {
      c.append("ssl = yes\nssl_cert = <")
          .append(dir.resolve("tls").resolve("cert.pem"))
          .append("\nssl_key = <")
          .append(dir.resolve("tls").resolve("key.pem"))
          .append('\n');
      if (Files.isReadable(DH_PARAMETERS)) {
        c.append("ssl_dh = <").append(DH_PARAMETERS).append('\n');
      }
      if (options.tlsUpTo11()) {
        // OpenSSL reads the cap from the file its environment names; Dovecot passes only the
        // environment it is told to.
        c.append("ssl_min_protocol = TLSv1\nssl_cipher_list = DEFAULT@SECLEVEL=0\n")
            .append("import_environment = TZ OPENSSL_CONF=")
            .append(dir.resolve("tls").resolve("openssl.cnf"))
            .append('\n');
      }
    } else {
      c.append("ssl = no\n");
    }
    // Plaintext logins on loopback: the tests exercise both plaintext and TLS endpoints.
    c.append("disable_plaintext_auth = no\nauth_mechanisms = plain login")
        .append(options.oauth2IntrospectionUrl() != null ? " xoauth2 oauthbearer\n" : "\n")
        .append("auth_master_user_separator = *\n")
        .append("service imap-login {\n")
        .append("  inet_listener imap {\n    address = 127.0.0.1\n    port = ")
        .append(port)
        .append("\n  }\n  inet_listener imaps {\n    address = 127.0.0.1\n    port = ")
        .append(options.tls() ? tlsPort : 0)
        .append("\n    ssl = yes\n  }\n");
    if (!isRoot(accounts)) {
      c.append("  chroot =\n");
    }
    c.append("}\n");
    if (!isRoot(accounts)) {
      c.append("service anvil {\n  chroot =\n}\n");
    }
    // The master user may act for any user who exists in the passdb below (pass = yes).
    if (options.loginStrings()) {
      // Login strings hold \\ and /, which Dovecot refuses in user names by default.
      c.append("auth_username_chars =\n")
          .append("passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ")
          .append(dir.resolve("login-strings"))
          .append("\n}\n");
    }
    c.append("passdb {\n  driver = passwd-file\n  master = yes\n  pass = yes\n")
        .append("  args = scheme=PLAIN ")
        .append(dir.resolve("masters"))
        .append("\n}\n")
        .append("passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ")
        .append(dir.resolve("users"))
        .append("\n}\n")
        .append(oauth2Passdb(dir, options))
        .append("userdb {\n  driver = passwd-file\n  args = username_format=%u ")
        .append(dir.resolve("users"))
        .append("\n  default_fields = uid=")
        .append(accounts.uid())
        .append(" gid=")
        .append(accounts.gid())
        .append(" home=")
        .append(dir.resolve("mail"))
        .append("/%u\n}\n")
        .append("mail_location = ")
        .append(options.format().location)
        .append('\n')
        .append("namespace inbox {\n  inbox = yes\n  prefix =\n  separator = ")
        .append(options.separator())
        .append('\n');
    special(c, n.drafts, "Drafts");
    special(c, n.sent, "Sent");
    special(c, n.trash, "Trash");
    special(c, n.junk, "Junk");
    special(c, n.archive, "Archive");
    c.append("}\n")
        .append("imap_max_line_length = 2M\n")
        .append("protocol imap {\n  mail_max_userip_connections = 100\n}\n");
    return c.toString();
  }

  /** Tokens checked by the introspection URL on every login: no cache, as a token may expire. */
  private static String oauth2Passdb(Path dir, DovecotOptions options) {
    if (options.oauth2IntrospectionUrl() == null) {
      return "";
    }
    return "passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = "
        + dir.resolve("oauth2.conf.ext")
        + "\n}\n";
  }

  /** The oauth2 passdb's own settings file, or null without XOAUTH2. */
  static String oauth2Settings(DovecotOptions options) {
    if (options.oauth2IntrospectionUrl() == null) {
      return null;
    }
    return "introspection_mode = post\nintrospection_url = "
        + options.oauth2IntrospectionUrl()
        + "\nusername_attribute = username\nactive_attribute = active\nactive_value = true\n"
        + "force_introspection = yes\n";
  }

  private static boolean isRoot(Accounts accounts) {
    return "dovenull".equals(accounts.loginUser());
  }

  private static void special(StringBuilder c, String name, String role) {
    c.append("  mailbox \"")
        .append(name)
        .append("\" {\n    special_use = \\")
        .append(role)
        .append("\n    auto = subscribe\n  }\n");
  }
}
