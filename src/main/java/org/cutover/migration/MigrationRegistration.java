package org.cutover.migration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cutover.migration.letters.UsersClientSettings;
import org.cutover.migration.recipients.BatchRecipients;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a new migration, the same way for the REST API and the Tasklist start form: checks that
 * the capabilities are configured, the settings follow the rules and the endpoints' logins open a
 * mailbox ({@link RegistrationLogins}), stores the credentials given with it encrypted, then the
 * migration with its endpoints and mailboxes.
 */
@Service
public class MigrationRegistration {

  private static final Logger log = LoggerFactory.getLogger(MigrationRegistration.class);

  private final Capabilities capabilities;
  private final SettingsValidation validation;
  private final MigrationStore store;
  private final SecretStore secrets;
  private final RegistrationLogins logins;
  private final BatchRecipients recipients;
  private final UsersClientSettings clientSettings;
  private final Clock clock;

  MigrationRegistration(
      Capabilities capabilities,
      SettingsValidation validation,
      MigrationStore store,
      SecretStore secrets,
      RegistrationLogins logins,
      BatchRecipients recipients,
      UsersClientSettings clientSettings,
      ObjectProvider<Clock> clock) {
    this.clientSettings = clientSettings;
    this.capabilities = capabilities;
    this.validation = validation;
    this.store = store;
    this.secrets = secrets;
    this.logins = logins;
    this.recipients = recipients;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** A registered migration and what its administrator should know about it. */
  public record Registered(String migrationId, List<String> warnings) {}

  /**
   * @throws RejectedSettings listing every broken rule (checked first: a request that can never be
   *     right should say so whatever this node can do)
   * @throws CapabilitiesMissing when a capability the migration needs is not configured
   * @throws MigrationConflict when an unfinished migration of the same domain exists
   */
  // These are thrown before anything is written; they must not doom a surrounding transaction
  // (the runbook's own, when the start form registers), which goes on to record the problems.
  @Transactional(
      noRollbackFor = {CapabilitiesMissing.class, RejectedSettings.class, MigrationConflict.class})
  public Registered register(NewMigration settings) {
    validation.requireValid(settings);
    List<Capability> missing = capabilities.missing();
    if (!missing.isEmpty()) {
      throw new CapabilitiesMissing(missing);
    }
    requireStoredCredentials(settings);
    requireDiscovery(settings);
    store
        .unfinishedFor(settings.domain())
        .ifPresent(
            running -> {
              throw new MigrationConflict(
                  "Migration "
                      + running.id()
                      + " of "
                      + running.domain()
                      + " has not finished (phase "
                      + running.phase()
                      + "); cancel it or let it complete before starting another migration of"
                      + " the same domain.");
            });
    // Last before anything is stored: a wrong password or an unreachable server is refused
    // here, before the runbook starts and before any user is told of the migration.
    List<SettingsProblem> refused = logins.problems(settings);
    if (!refused.isEmpty()) {
      throw new RejectedSettings(refused);
    }
    String label = settings.domain() + " " + settings.batchName() + ": ";
    MigrationStore.Credentials credentials =
        new MigrationStore.Credentials(
            credential(
                label + "source admin password",
                settings.source().password(),
                settings.source().credentialRef()),
            settings.target().type() == TargetType.MICROSOFT_365
                ? credential(
                    label + "Microsoft 365 client secret",
                    settings.target().clientSecret(),
                    settings.target().credentialRef())
                : null,
            settings.target().type() == TargetType.IMAP
                ? credential(
                    label + "target admin password",
                    settings.target().endpoint().password(),
                    settings.target().endpoint().credentialRef())
                : null,
            settings.dns().mode() == DnsMode.AUTOMATIC
                ? credential(
                    label + "DNS credentials",
                    settings.dns().credentials(),
                    settings.dns().credentialRef())
                : null,
            userPasswords(settings, label));
    String id = store.insert(settings, credentials, clock.instant());
    recipients.record(id, settings);
    clientSettings.keep(id, settings);
    log.info(
        "Registered migration {} of {}: batch {} with {} mailboxes",
        id,
        settings.domain(),
        settings.batchName(),
        settings.mailboxes().size());
    return new Registered(id, warnings(settings));
  }

  /** Each user's own passwords, encrypted as they arrive; the mailboxes' order is kept. */
  private List<MigrationStore.UserPasswords> userPasswords(NewMigration settings, String label) {
    boolean imapTarget = settings.target().type() == TargetType.IMAP;
    List<MigrationStore.UserPasswords> passwords = new ArrayList<>();
    for (MailboxEntry mailbox : settings.mailboxes()) {
      passwords.add(
          new MigrationStore.UserPasswords(
              credential(
                  label + "source password of " + mailbox.emailAddress(),
                  mailbox.sourcePassword(),
                  mailbox.sourceCredentialRef()),
              imapTarget
                  ? credential(
                      label + "target password of " + mailbox.emailAddress(),
                      mailbox.targetPassword(),
                      mailbox.targetCredentialRef())
                  : null));
    }
    return passwords;
  }

  private SecretRef credential(String name, SecretText given, SecretRef stored) {
    // The name is for people choosing among stored credentials; it fits the store's 200 characters.
    String bounded = name.length() <= 200 ? name : name.substring(0, 199) + "…";
    return given != null && !given.isBlank() ? secrets.put(bounded, given) : stored;
  }

  private void requireStoredCredentials(NewMigration settings) {
    List<SettingsProblem> problems = new ArrayList<>();
    requireStored(settings.source().credentialRef(), "$.source.credentialId", problems);
    if (settings.target().type() == TargetType.MICROSOFT_365) {
      requireStored(settings.target().credentialRef(), "$.target.credentialId", problems);
    } else {
      requireStored(
          settings.target().endpoint().credentialRef(), "$.target.endpoint.credentialId", problems);
    }
    if (settings.dns().mode() == DnsMode.AUTOMATIC) {
      requireStored(settings.dns().credentialRef(), "$.dns.credentialId", problems);
    }
    List<MailboxEntry> mailboxes = settings.mailboxes();
    for (int i = 0; i < mailboxes.size(); i++) {
      String path = "$.mailboxes[" + i + "].";
      requireStored(mailboxes.get(i).sourceCredentialRef(), path + "sourceCredentialId", problems);
      requireStored(mailboxes.get(i).targetCredentialRef(), path + "targetCredentialId", problems);
    }
    if (!problems.isEmpty()) {
      throw new RejectedSettings(problems);
    }
  }

  private void requireDiscovery(NewMigration settings) {
    BatchRecipients.DiscoveryRefusal refusal = recipients.refusal(settings);
    if (refusal != null) {
      throw new RejectedSettings(
          List.of(new SettingsProblem("$.discoveryId", RuleMessages.text(refusal.messageKey()))));
    }
  }

  private void requireStored(SecretRef ref, String path, List<SettingsProblem> problems) {
    if (ref != null && secrets.describe(ref).isEmpty()) {
      problems.add(new SettingsProblem(path, RuleMessages.text("cutover.credential.unknown")));
    }
  }

  static List<String> warnings(NewMigration settings) {
    List<String> warnings = new ArrayList<>();
    int count = settings.mailboxes().size();
    if (count > NewMigration.RECOMMENDED_MAX_MAILBOXES) {
      warnings.add(RuleMessages.text("cutover.warning.large", count));
    }
    List<String> foreign =
        settings.mailboxes().stream()
            .map(MailboxEntry::emailAddress)
            .filter(address -> !settings.isInDomain(address))
            .toList();
    if (!foreign.isEmpty()) {
      warnings.add(
          RuleMessages.text(
              "cutover.warning.foreign", foreign.size(), settings.domain(), foreign.get(0)));
    }
    return warnings;
  }
}
