package org.cutover.migration.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.cutover.migration.SettingsProblem;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The rules of the users' mail program settings once the configured defaults fill the gaps: an IMAP
 * target needs both servers, and nothing goes unencrypted unless the administrator says so.
 */
final class ClientSettingsRules {

  /** A DNS name with a dot and a top-level label that is not a number (no IP addresses). */
  static final String SERVER =
      "(?:(?!-)[A-Za-z0-9-]{1,63}(?<!-)\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?";

  static final String WEB_ADDRESS = "https?://[^\\s<>\"]+";

  private static final String PATH = "$.clientSettings.";

  private ClientSettingsRules() {}

  static List<SettingsProblem> problems(MailClientSettings settings, boolean allowUnencrypted) {
    List<SettingsProblem> problems = new ArrayList<>();
    if (settings.microsoft365()) {
      if (settings.signInAddress() != null && !settings.signInAddress().startsWith("https://")) {
        problems.add(problem("signInAddress", "cutover.client.https"));
      }
      return problems;
    }
    if (settings.incomingServer() == null) {
      problems.add(problem("incomingServer", "cutover.client.incomingServer.missing"));
    }
    if (settings.outgoingServer() == null) {
      problems.add(problem("outgoingServer", "cutover.client.outgoingServer.missing"));
    }
    if (!allowUnencrypted) {
      if (settings.incomingEncryption() == ClientEncryption.NONE) {
        problems.add(problem("incomingEncryption", "cutover.client.unencrypted"));
      }
      if (settings.outgoingEncryption() == ClientEncryption.NONE) {
        problems.add(problem("outgoingEncryption", "cutover.client.unencrypted"));
      }
      if (settings.webmailAddress() != null && !settings.webmailAddress().startsWith("https://")) {
        problems.add(problem("webmailAddress", "cutover.client.unencrypted"));
      }
    }
    return problems;
  }

  private static SettingsProblem problem(String field, String key) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "ValidationMessages",
            LocaleContextHolder.getLocale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new SettingsProblem(PATH + field, bundle.getString(key));
  }
}
