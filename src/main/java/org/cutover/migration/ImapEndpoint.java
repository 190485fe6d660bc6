package org.cutover.migration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretText;

/**
 * An IMAP server Cutover logs in to, the source or an IMAP target: with an admin account, or (auth
 * PLAIN) as each user with the user's own password from the mailbox list.
 */
@Schema(description = "An IMAP server and how Cutover logs in there")
@ConsistentSettings
public record ImapEndpoint(
    @Schema(description = "Host name or IP address", example = "mail.contoso.com")
        @NotBlank(message = "{cutover.host.missing}")
        @Size(max = 253)
        @Pattern(regexp = SettingsPatterns.HOST, message = "{cutover.host}")
        String host,
    @Schema(description = "TCP port; default 993 with IMPLICIT_TLS, else 143", example = "993")
        @Min(value = 1, message = "{cutover.port}")
        @Max(value = 65535, message = "{cutover.port}")
        Integer port,
    @Schema(description = "Connection security") @NotNull(message = "{cutover.security.missing}")
        ConnectionSecurity security,
    @Schema(description = "Must be true to accept security PLAINTEXT (passwords in clear text)")
        boolean allowPlaintext,
    @Schema(
            description =
                "How Cutover logs in: DELEGATED_ADMIN, an admin acting as each user (SASL PLAIN"
                    + " with the user as authorization identity); ADMIN_LOGIN_STRING, Exchange's"
                    + " login string sent with LOGIN (Domain/Admin/User when adminUser is"
                    + " Domain/Admin, else Admin\\User); XOAUTH2, a token for each user; PLAIN,"
                    + " each user with the user's own password given with the mailbox"
                    + " (sourcePassword or targetPassword), or adminUser with password for the"
                    + " admin's own mailbox only")
        @NotNull(message = "{cutover.auth.missing}")
        ImapAuth auth,
    @Schema(
            description = "The admin login; not needed with PLAIN and each user's own password",
            example = "migration-admin@contoso.com")
        @Size(max = 320)
        @Pattern(regexp = SettingsPatterns.PLAIN_TEXT, message = "{cutover.text.plain}")
        String adminUser,
    @Schema(
            description =
                "The admin's password (or OAuth token with XOAUTH2); write-only, stored"
                    + " encrypted. Give this or credentialId.",
            type = "string",
            format = "password",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        SecretText password,
    @Schema(
            description =
                "Id of a credential stored with POST /api/credentials, instead of password",
            example = "3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90")
        String credentialId,
    @Schema(
            description = "A mailbox the admin login opens to test the endpoint",
            example = "anna@contoso.com")
        @Email(regexp = SettingsPatterns.EMAIL, message = "{cutover.mailbox.address}")
        @Size(max = 320)
        String testMailbox,
    @Schema(
            description =
                "Mailboxes synced against this server at the same time, on all nodes together"
                    + " (default 20)",
            example = "20")
        @Min(value = 1, message = "{cutover.maxConcurrent}")
        @Max(value = 100, message = "{cutover.maxConcurrent}")
        Integer maxConcurrentMailboxes,
    @Schema(
            description =
                "How DELEGATED_ADMIN and ADMIN_LOGIN_STRING name each user's mailbox: ADDRESS"
                    + " (default; the mailbox's source login where given) or ALIAS, the part"
                    + " before @, which Exchange 2010 and later want")
        MailboxName mailboxName,
    @Schema(
            description =
                "Must be true to let this endpoint speak TLS 1.0 or 1.1 (Exchange 2007/2010);"
                    + " off by default, and the endpoint test warns while it is on")
        boolean allowLegacyTls,
    @Schema(
            description =
                "XOAUTH2 only: where Cutover gets access tokens that it renews before they expire,"
                    + " with the client credentials grant; password or credentialId is then the"
                    + " client secret. Without it, password is an access token given by hand,"
                    + " which nothing renews.")
        @jakarta.validation.Valid
        TokenSource tokenSource)
    implements CrossFieldRules {

  public static final int DEFAULT_MAX_CONCURRENT_MAILBOXES = 20;

  /**
   * An OAuth 2.0 token endpoint that issues the endpoint's XOAUTH2 tokens to an application (client
   * credentials grant, as Exchange Online's app-only IMAP access does).
   */
  @Schema(description = "An OAuth 2.0 token endpoint (client credentials grant)")
  public record TokenSource(
      @Schema(
              description = "The token endpoint: https, or http on a loopback address",
              example = "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token")
          @Size(max = 2000)
          String tokenUrl,
      @Schema(description = "The application's client id", example = "app-id")
          @Size(max = 200)
          @Pattern(regexp = SettingsPatterns.PLAIN_TEXT, message = "{cutover.text.plain}")
          String clientId,
      @Schema(
              description = "The scope asked for, if the token endpoint wants one",
              example = "https://outlook.office365.com/.default")
          @Size(max = 1000)
          @Pattern(regexp = SettingsPatterns.PLAIN_TEXT, message = "{cutover.text.plain}")
          String scope) {

    public TokenSource {
      tokenUrl = SettingsText.blankToNull(tokenUrl);
      clientId = SettingsText.blankToNull(clientId);
      scope = SettingsText.blankToNull(scope);
    }

    /** True for https, or http to a loopback address (a token server on the same machine). */
    boolean urlAcceptable() {
      if (tokenUrl == null) {
        return false;
      }
      try {
        java.net.URI uri = new java.net.URI(tokenUrl);
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
          return false;
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
          return true;
        }
        return "http".equalsIgnoreCase(uri.getScheme())
            && java.util.Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost());
      } catch (java.net.URISyntaxException e) {
        return false;
      }
    }
  }

  public ImapEndpoint {
    host = SettingsText.strip(host);
    adminUser = SettingsText.blankToNull(adminUser);
    credentialId = SettingsText.blankToNull(credentialId);
    testMailbox = SettingsText.blankToNull(testMailbox);
    if (port == null && security != null) {
      port = security.defaultPort();
    }
    if (maxConcurrentMailboxes == null) {
      maxConcurrentMailboxes = DEFAULT_MAX_CONCURRENT_MAILBOXES;
    }
    if (mailboxName == null) {
      mailboxName = MailboxName.ADDRESS;
    }
  }

  /** An endpoint whose XOAUTH2 token, if any, is given by hand. */
  public ImapEndpoint(
      String host,
      Integer port,
      ConnectionSecurity security,
      boolean allowPlaintext,
      ImapAuth auth,
      String adminUser,
      SecretText password,
      String credentialId,
      String testMailbox,
      Integer maxConcurrentMailboxes,
      MailboxName mailboxName,
      boolean allowLegacyTls) {
    this(
        host,
        port,
        security,
        allowPlaintext,
        auth,
        adminUser,
        password,
        credentialId,
        testMailbox,
        maxConcurrentMailboxes,
        mailboxName,
        allowLegacyTls,
        null);
  }

  /** An endpoint that names mailboxes by address and speaks TLS 1.2 or later only. */
  public ImapEndpoint(
      String host,
      Integer port,
      ConnectionSecurity security,
      boolean allowPlaintext,
      ImapAuth auth,
      String adminUser,
      SecretText password,
      String credentialId,
      String testMailbox,
      Integer maxConcurrentMailboxes) {
    this(
        host,
        port,
        security,
        allowPlaintext,
        auth,
        adminUser,
        password,
        credentialId,
        testMailbox,
        maxConcurrentMailboxes,
        null,
        false,
        null);
  }

  @Override
  public void check(RuleViolations violations) {
    if (security == ConnectionSecurity.PLAINTEXT && !allowPlaintext) {
      violations.on("security", "{cutover.security.plaintext}");
    }
    if (auth == ImapAuth.PLAIN) {
      // Each user's own password comes with the mailbox; an admin login here is optional.
      if (adminUser == null) {
        if ((password != null && !password.isBlank()) || credentialId != null) {
          violations.on("adminUser", "{cutover.adminUser.forPassword}");
        }
      } else {
        CredentialRule.check(violations, password, credentialId, "password", "credentialId");
      }
      return;
    }
    if (adminUser == null) {
      violations.on("adminUser", "{cutover.adminUser.missing}");
    }
    CredentialRule.check(violations, password, credentialId, "password", "credentialId");
    if (auth == ImapAuth.ADMIN_LOGIN_STRING
        && adminUser != null
        && !adminUser.isBlank()
        && org.cutover.mailsync.LoginStrings.problem(adminUser, "user") != null) {
      violations.on("adminUser", "{cutover.adminUser.loginString}");
    }
    if (allowLegacyTls && security == ConnectionSecurity.PLAINTEXT) {
      violations.on("allowLegacyTls", "{cutover.legacyTls.plaintext}");
    }
    if (tokenSource != null) {
      if (auth != ImapAuth.XOAUTH2) {
        violations.on("tokenSource", "{cutover.tokenSource.auth}");
      }
      if (!tokenSource.urlAcceptable()) {
        violations.on("tokenSource.tokenUrl", "{cutover.tokenSource.url}");
      }
      if (tokenSource.clientId() == null) {
        violations.on("tokenSource.clientId", "{cutover.tokenSource.clientId}");
      }
    }
  }

  /** Whether an admin login is given (always, except with PLAIN and users' own passwords). */
  public boolean hasAdminLogin() {
    return adminUser != null;
  }

  /** The stored credential named by {@code credentialId}, or null when the password is given. */
  public SecretRef credentialRef() {
    return CredentialRule.refOrNull(credentialId);
  }
}
