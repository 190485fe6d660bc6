package org.cutover.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cutover.mailsync.DeletedOnSource;
import org.cutover.mailsync.DuplicateMatching;
import org.cutover.mailsync.ImapEndpoint;
import org.cutover.mailsync.ImapLogin;
import org.cutover.mailsync.SecretSupplier;
import org.cutover.mailsync.SourceAccount;
import org.cutover.mailsync.SyncOptions;
import org.cutover.mailsync.TargetAccount;
import org.cutover.mailsync.TrustStore;

/** Reads a JSON spec and checks it into a {@link SyncPlan}; every problem names its field. */
final class SpecReader {

  /** The longest mailbox key the state tables hold; longer pairs are keyed by a digest. */
  private static final int MAX_KEY_LENGTH = 200;

  private final Map<String, String> environment;

  SpecReader(Map<String, String> environment) {
    this.environment = environment;
  }

  SyncPlan read(Path specFile) {
    SyncSpec spec = parse(specFile);
    Path folder = specFile.toAbsolutePath().getParent();
    require(spec.source() != null, "source", "the source server is missing");
    require(spec.target() != null, "target", "the target server is missing");
    require(
        spec.mailboxes() != null && !spec.mailboxes().isEmpty(),
        "mailboxes",
        "list at least one mailbox pair");
    require(
        spec.state() != null && !spec.state().isBlank(),
        "state",
        "name the file that keeps the sync state between runs, for example \"sync-state\"");
    ImapEndpoint source = endpoint("source", spec.source(), folder);
    ImapEndpoint target = endpoint("target", spec.target(), folder);
    EndpointLogin sourceLogins = endpointLogin("source.login", spec.source().login(), folder);
    EndpointLogin targetLogins = endpointLogin("target.login", spec.target().login(), folder);
    List<SyncPlan.MailboxRun> runs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, Integer> sourceUsers = new HashMap<>();
    Map<String, Integer> targetUsers = new HashMap<>();
    for (int i = 0; i < spec.mailboxes().size(); i++) {
      String where = "mailboxes[" + i + "]";
      SyncSpec.Mailbox mailbox = spec.mailboxes().get(i);
      require(mailbox != null, where, "an empty entry");
      require(
          mailbox.source() != null && !mailbox.source().isBlank(),
          where + ".source",
          "the source user name is missing");
      String targetUser =
          mailbox.target() == null || mailbox.target().isBlank()
              ? mailbox.source()
              : mailbox.target();
      String label = mailbox.source() + " -> " + targetUser;
      require(seen.add(label), where, "the pair " + label + " is listed twice");
      oneLoginOneMailbox(sourceUsers, mailbox.source(), i, where + ".source", "source");
      oneLoginOneMailbox(targetUsers, targetUser, i, where + ".target", "target");
      ImapLogin sourceLogin =
          login(
              where + ".sourcePassword",
              sourceLogins,
              mailbox.source(),
              mailbox.sourcePassword(),
              folder);
      ImapLogin targetLogin =
          login(
              where + ".targetPassword",
              targetLogins,
              targetUser,
              mailbox.targetPassword(),
              folder);
      String key =
          key(source.address() + "/" + mailbox.source(), target.address() + "/" + targetUser);
      runs.add(
          new SyncPlan.MailboxRun(
              key,
              label,
              new SourceAccount(source, sourceLogin, mailbox.source()),
              new TargetAccount(target, targetLogin, targetUser)));
    }
    SyncOptions options = options(spec.options());
    int concurrent =
        Math.min(
            runs.size(),
            Math.min(source.maxConcurrentMailboxes(), target.maxConcurrentMailboxes()));
    return new SyncPlan(runs, options, folder.resolve(spec.state()), concurrent);
  }

  /**
   * Refuses a second pair that opens a mailbox an earlier pair opens already: copying one source
   * mailbox into several users' mailboxes, or several into one, mixes users' mail.
   */
  private static void oneLoginOneMailbox(
      Map<String, Integer> users, String user, int index, String where, String side) {
    Integer first = users.putIfAbsent(user.strip().toLowerCase(Locale.ROOT), index);
    require(
        first == null,
        where,
        "the "
            + side
            + " mailbox "
            + user
            + " is already in mailboxes["
            + first
            + "]; a login opens one mailbox, so each "
            + side
            + " mailbox may be in one pair only (log in as each user, or as an administrator"
            + " acting for each user with a delegated login)");
  }

  private static SyncSpec parse(Path specFile) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(specFile);
    } catch (NoSuchFileException missing) {
      throw new SpecProblem("the spec file " + specFile + " does not exist");
    } catch (IOException unreadable) {
      throw new SpecProblem("cannot read the spec file " + specFile + " (" + unreadable + ")");
    }
    return SpecJson.read(bytes, specFile);
  }

  private ImapEndpoint endpoint(String where, SyncSpec.Endpoint spec, Path folder) {
    require(
        spec.host() != null && !spec.host().isBlank(), where + ".host", "the host name is missing");
    String security =
        spec.security() == null ? "tls" : spec.security().strip().toLowerCase(Locale.ROOT);
    int defaultPort = security.equals("tls") ? 993 : 143;
    int port = spec.port() == null ? defaultPort : spec.port();
    require(port > 0 && port < 65536, where + ".port", "must be between 1 and 65535, not " + port);
    ImapEndpoint.Builder endpoint =
        switch (security) {
          case "tls" -> ImapEndpoint.implicitTls(spec.host().strip(), port).toBuilder();
          case "starttls" -> ImapEndpoint.startTls(spec.host().strip(), port).toBuilder();
          case "plaintext" ->
              ImapEndpoint.plaintextAllowedExplicitly(spec.host().strip(), port).toBuilder();
          default ->
              throw new SpecProblem(
                  where
                      + ".security: \""
                      + spec.security()
                      + "\" is not one of tls (implicit TLS), starttls, plaintext");
        };
    if (spec.trustCertificates() != null) {
      Path pem = folder.resolve(spec.trustCertificates());
      require(Files.isReadable(pem), where + ".trustCertificates", "cannot read the file " + pem);
      requireCertificates(pem, where + ".trustCertificates");
      endpoint.trustStore(TrustStore.certificates(pem));
    }
    if (spec.maxConcurrentMailboxes() != null) {
      require(
          spec.maxConcurrentMailboxes() >= 1,
          where + ".maxConcurrentMailboxes",
          "must be at least 1");
      endpoint.maxConcurrentMailboxes(spec.maxConcurrentMailboxes());
    }
    if (spec.disabledExtensions() != null && !spec.disabledExtensions().isEmpty()) {
      endpoint.disabledExtensions(spec.disabledExtensions().toArray(String[]::new));
    }
    return endpoint.build();
  }

  /**
   * How an endpoint's mailboxes log in, checked once: the method, and the administrator's password
   * or the token every mailbox of the endpoint shares (null for each mailbox's own password).
   */
  private record EndpointLogin(String method, String admin, SecretSupplier shared) {}

  private EndpointLogin endpointLogin(String where, SyncSpec.Login login, Path folder) {
    String method = method(login);
    return switch (method) {
      case "password" -> new EndpointLogin(method, null, null);
      case "delegated", "login-string" -> {
        require(
            login.admin() != null && !login.admin().isBlank(),
            where + ".admin",
            "name the administrator who may open every mailbox (for example the master user)");
        if (method.equals("login-string")) {
          String problem = org.cutover.mailsync.LoginStrings.problem(login.admin(), "user");
          require(problem == null, where + ".admin", String.valueOf(problem));
        }
        require(
            login.password() != null,
            where + ".password",
            "give the administrator's password as {\"file\": ...} or {\"env\": ...}");
        yield new EndpointLogin(
            method, login.admin(), login.password().open(where + ".password", folder, environment));
      }
      case "xoauth2" -> {
        require(
            login.token() != null,
            where + ".token",
            "give the access token as {\"file\": ...} or {\"env\": ...}");
        yield new EndpointLogin(
            method, null, login.token().open(where + ".token", folder, environment));
      }
      default ->
          throw new SpecProblem(
              where
                  + ".method: \""
                  + login.method()
                  + "\" is not one of password, delegated, login-string, xoauth2");
    };
  }

  private ImapLogin login(
      String where, EndpointLogin logins, String user, SecretReference password, Path folder) {
    return switch (logins.method()) {
      case "delegated" -> ImapLogin.delegated(user, logins.admin(), logins.shared());
      case "login-string" -> {
        String problem = org.cutover.mailsync.LoginStrings.problem(logins.admin(), user);
        require(problem == null, where, String.valueOf(problem));
        yield ImapLogin.adminLoginString(user, logins.admin(), logins.shared());
      }
      case "xoauth2" -> ImapLogin.oauth2(user, mailbox -> new String(logins.shared().secret()));
      default -> {
        require(
            password != null,
            where,
            "the password of "
                + user
                + " is missing: give {\"file\": ...} or {\"env\": ...}, or a delegated login");
        yield ImapLogin.password(user, password.open(where, folder, environment));
      }
    };
  }

  private static String method(SyncSpec.Login login) {
    return login == null || login.method() == null
        ? "password"
        : login.method().strip().toLowerCase(Locale.ROOT);
  }

  private static SyncOptions options(SyncSpec.Options spec) {
    if (spec == null) {
      return SyncOptions.defaults();
    }
    SyncOptions.Builder options = SyncOptions.defaults().toBuilder();
    if (spec.parallelFolders() != null) {
      require(
          spec.parallelFolders() >= 1 && spec.parallelFolders() <= 16,
          "options.parallelFolders",
          "must be between 1 and 16");
      options.parallelFolders(spec.parallelFolders());
    }
    if (spec.excludeFolders() != null) {
      options.excludedFolders(spec.excludeFolders());
    }
    if (spec.folderMap() != null) {
      options.folderMap(spec.folderMap());
    }
    if (spec.maxMessageBytes() != null) {
      require(
          spec.maxMessageBytes() >= 0, "options.maxMessageBytes", "must be 0 (no limit) or more");
      options.maxMessageBytes(spec.maxMessageBytes());
    }
    if (spec.badItemLimit() != null) {
      require(spec.badItemLimit() >= 0, "options.badItemLimit", "must be 0 or more");
      options.badItemLimit(spec.badItemLimit());
    }
    if (spec.deletedOnSource() != null) {
      options.deletedOnSource(
          switch (spec.deletedOnSource().strip().toLowerCase(Locale.ROOT)) {
            case "keep" -> DeletedOnSource.KEEP_ON_TARGET;
            case "delete" -> DeletedOnSource.DELETE_ON_TARGET;
            default ->
                throw new SpecProblem(
                    "options.deletedOnSource: \""
                        + spec.deletedOnSource()
                        + "\" is not one of keep, delete");
          });
    }
    if (spec.duplicateMatching() != null) {
      options.duplicateMatching(
          switch (spec.duplicateMatching().strip().toLowerCase(Locale.ROOT)) {
            case "exact" -> DuplicateMatching.EXACT;
            case "message-id-and-date" -> DuplicateMatching.MESSAGE_ID_AND_DATE;
            default ->
                throw new SpecProblem(
                    "options.duplicateMatching: \""
                        + spec.duplicateMatching()
                        + "\" is not one of exact, message-id-and-date");
          });
    }
    return options.build();
  }

  /** The pair's state key: readable when short enough, a digest of it when not. */
  private static String key(String source, String target) {
    String key = source + " -> " + target;
    if (key.length() <= MAX_KEY_LENGTH) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The file must hold at least one X.509 certificate, PEM or DER, as the TLS check reads it. */
  private static void requireCertificates(Path file, String where) {
    String problem;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      int count =
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificates(in)
              .size();
      problem = count > 0 ? null : "holds no certificate";
    } catch (IOException | java.security.cert.CertificateException e) {
      problem = "is not a certificate file (" + e.getMessage() + ")";
    }
    require(
        problem == null,
        where,
        file + " " + problem + "; name a file of PEM certificates (-----BEGIN CERTIFICATE-----)");
  }

  private static void require(boolean condition, String where, String problem) {
    if (!condition) {
      throw new SpecProblem(where + ": " + problem);
    }
  }
}
