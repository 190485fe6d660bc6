package org.cutover.migration.recipients;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cutover.directory.ExclusionReason;
import org.cutover.directory.SkippedEntry;

/**
 * A discovery's proposed batch as a person reads it in the review task, in English or Danish: the
 * mailboxes to migrate with their kind and aliases, those left out with the reason, and the groups
 * whose addresses are kept. Each list shows at most {@value #MAX_LINES} lines; the API has them
 * all.
 *
 * @param proposed one line per proposed mailbox
 * @param proposedCount how many mailboxes the batch migrates
 * @param excluded one line per recipient or entry left out, with the reason
 * @param excludedCount how many are left out
 * @param groups one line per group
 */
public record ReviewText(
    String proposed, int proposedCount, String excluded, int excludedCount, String groups) {

  static final int MAX_LINES = 300;

  static ReviewText of(
      StoredDiscovery discovery,
      List<StoredRecipient> recipients,
      List<SkippedEntry> skipped,
      Locale language) {
    ResourceBundle text =
        ResourceBundle.getBundle(
            "discovery.review",
            language,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    List<String> proposed = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (StoredRecipient recipient : recipients) {
      String kind = text.getString("kind." + recipient.kind().name());
      String name = name(recipient.primaryAddress(), recipient.displayName());
      if (recipient.kind().isGroup()) {
        groups.add(
            name
                + " ("
                + kind
                + ", "
                + MessageFormat.format(text.getString("members"), recipient.members().size())
                + ")");
      } else if (recipient.excludedReason() == null) {
        String aliases =
            recipient.aliases().isEmpty()
                ? ""
                : "; " + text.getString("aliases") + " " + String.join(", ", recipient.aliases());
        proposed.add(name + " (" + kind + aliases + ")");
      } else {
        excluded.add(
            name
                + " ("
                + kind
                + "): "
                + reason(text, recipient.excludedReason(), discovery.domain()));
      }
    }
    for (SkippedEntry entry : skipped) {
      excluded.add(
          name(entry.distinguishedName(), entry.name())
              + ": "
              + reason(text, entry.reason(), discovery.domain()));
    }
    return new ReviewText(
        lines(proposed, text, discovery.id()),
        proposed.size(),
        lines(excluded, text, discovery.id()),
        excluded.size(),
        lines(groups, text, discovery.id()));
  }

  private static String reason(ResourceBundle text, ExclusionReason reason, String domain) {
    return MessageFormat.format(text.getString("reason." + reason.name()), domain);
  }

  private static String name(String address, String displayName) {
    return displayName == null || displayName.isBlank() || displayName.equals(address)
        ? address
        : address + " – " + displayName;
  }

  private static String lines(List<String> lines, ResourceBundle text, String discoveryId) {
    if (lines.isEmpty()) {
      return text.getString("none");
    }
    StringBuilder out = new StringBuilder();
    lines.stream().limit(MAX_LINES).forEach(line -> out.append(line).append('\n'));
    if (lines.size() > MAX_LINES) {
      out.append(
          MessageFormat.format(text.getString("more"), lines.size() - MAX_LINES, discoveryId));
    }
    return out.toString().strip();
  }
}
