package org.cutover.cli;

import java.util.List;
import java.util.Map;

/**
 * The JSON spec of a {@code sync} run, as written. {@link SpecReader} checks it and turns it into a
 * {@link SyncPlan}.
 *
 * @param source the server the mail is copied from
 * @param target the server the mail is copied to
 * @param mailboxes the mailbox pairs
 * @param options engine options (all optional)
 * @param state the folder that keeps the UID state between runs (relative to the spec's folder)
 */
record SyncSpec(
    Endpoint source, Endpoint target, List<Mailbox> mailboxes, Options options, String state) {

  /**
   * @param security {@code tls} (implicit TLS, the default), {@code starttls} or {@code plaintext}
   * @param trustCertificates a PEM file of certificates to trust besides the system's
   * @param login how each mailbox is opened (default: the mailbox's own user and password)
   */
  record Endpoint(
      String host,
      Integer port,
      String security,
      String trustCertificates,
      Integer maxConcurrentMailboxes,
      List<String> disabledExtensions,
      Login login) {}

  /**
   * @param method {@code password} (the mailbox's own login), {@code delegated} (an administrator
   *     acting as each user, SASL PLAIN with an authorization identity), {@code login-string}
   *     (Exchange's administrator login string sent with LOGIN: {@code Domain/Admin/User} for an
   *     admin written {@code Domain/Admin}, else {@code Admin} and a backslash and the user) or
   *     {@code xoauth2}
   * @param admin the administrator's user name, for {@code delegated} and {@code login-string}
   * @param password the administrator's password, for {@code delegated} and {@code login-string}
   * @param token an OAuth2 access token valid for every mailbox of the endpoint, for {@code
   *     xoauth2}
   */
  record Login(String method, String admin, SecretReference password, SecretReference token) {}

  /**
   * @param source the user name on the source
   * @param target the user name on the target (default: the source's)
   */
  record Mailbox(
      String source,
      String target,
      SecretReference sourcePassword,
      SecretReference targetPassword) {}

  /**
   * @param excludeFolders folder patterns not copied ({@code /} between levels, {@code *} any
   *     text); replaces the default list of Exchange's non-mail folders
   * @param deletedOnSource {@code keep} (default) or {@code delete} the target's copy
   * @param duplicateMatching {@code exact} (default) or {@code message-id-and-date} (targets that
   *     rewrite messages, such as Exchange Online)
   */
  record Options(
      Integer parallelFolders,
      List<String> excludeFolders,
      Map<String, String> folderMap,
      Long maxMessageBytes,
      Integer badItemLimit,
      String deletedOnSource,
      String duplicateMatching) {}
}
