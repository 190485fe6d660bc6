package org.cutover.migration.letters;

import java.util.List;
import java.util.Optional;
import org.cutover.migration.NewMigration;
import org.cutover.migration.SettingsProblem;
import org.cutover.migration.StoredMigration;
import org.cutover.migration.TargetType;
import org.springframework.stereotype.Component;

/**
 * Completes a migration's own mail program settings ({@link ClientSettings}) from {@code
 * cutover.letters.client.*} and checks the result. A port left out follows the encryption given
 * with the migration, else the configured port, else the encryption's usual port.
 */
@Component
public class MailClientDefaults {

  private final ClientSettings defaults;

  public MailClientDefaults(UserLetterSettings settings) {
    this.defaults = settings.client();
  }

  /** What is wrong with the settings a new migration's letters would name; empty when none. */
  public List<SettingsProblem> problems(NewMigration migration) {
    if (migration.target() == null || migration.target().type() == null) {
      return List.of();
    }
    return ClientSettingsRules.problems(resolve(migration), allowUnencrypted(migration));
  }

  /** What is wrong with the settings a registered migration's letters would name from now on. */
  List<SettingsProblem> problems(StoredMigration migration, ClientSettings given) {
    return ClientSettingsRules.problems(
        resolve(migration, given),
        Boolean.TRUE.equals(first(given.allowUnencrypted(), defaults.allowUnencrypted())));
  }

  /** A registered migration's new settings, completed as at registration. */
  MailClientSettings resolve(StoredMigration migration, ClientSettings given) {
    return resolve(
        given,
        migration.targetType() == TargetType.MICROSOFT_365,
        migration.autodiscoverTarget() != null);
  }

  /** A migration registered before its settings were kept: configuration alone. */
  MailClientSettings of(StoredMigration migration) {
    return resolve(
        ClientSettings.NONE,
        migration.targetType() == TargetType.MICROSOFT_365,
        migration.autodiscoverTarget() != null);
  }

  MailClientSettings resolve(NewMigration migration) {
    return resolve(
        migration.clientSettings() == null ? ClientSettings.NONE : migration.clientSettings(),
        migration.target().type() == TargetType.MICROSOFT_365,
        migration.autodiscoverTarget() != null);
  }

  private boolean allowUnencrypted(NewMigration migration) {
    ClientSettings given =
        migration.clientSettings() == null ? ClientSettings.NONE : migration.clientSettings();
    return Boolean.TRUE.equals(first(given.allowUnencrypted(), defaults.allowUnencrypted()));
  }

  private MailClientSettings resolve(
      ClientSettings given, boolean microsoft365, boolean autodiscoverPublished) {
    if (microsoft365) {
      String signIn =
          first(
              given.signInAddress(),
              defaults.signInAddress(),
              MailClientSettings.MICROSOFT_365_SIGN_IN);
      return new MailClientSettings(
          true,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          signIn,
          first(given.autodiscover(), defaults.autodiscover(), autodiscoverPublished),
          false);
    }
    ClientEncryption incoming =
        first(given.incomingEncryption(), defaults.incomingEncryption(), ClientEncryption.TLS);
    ClientEncryption outgoing =
        first(given.outgoingEncryption(), defaults.outgoingEncryption(), ClientEncryption.STARTTLS);
    String webmail = first(given.webmailAddress(), defaults.webmailAddress());
    return new MailClientSettings(
        false,
        first(given.incomingServer(), defaults.incomingServer()),
        port(given.incomingPort(), given.incomingEncryption(), defaults.incomingPort())
            .orElse(incoming.defaultIncomingPort()),
        incoming,
        first(given.outgoingServer(), defaults.outgoingServer()),
        port(given.outgoingPort(), given.outgoingEncryption(), defaults.outgoingPort())
            .orElse(outgoing.defaultOutgoingPort()),
        outgoing,
        webmail,
        null,
        false,
        incoming == ClientEncryption.NONE
            || outgoing == ClientEncryption.NONE
            || (webmail != null && !webmail.startsWith("https://")));
  }

  /**
   * The port given, else none when only the encryption is given (its usual port), else the
   * default's.
   */
  private static Optional<Integer> port(
      Integer given, ClientEncryption givenEncryption, Integer configured) {
    if (given != null) {
      return Optional.of(given);
    }
    return givenEncryption != null ? Optional.empty() : Optional.ofNullable(configured);
  }

  @SafeVarargs
  private static <T> T first(T... candidates) {
    for (T candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
