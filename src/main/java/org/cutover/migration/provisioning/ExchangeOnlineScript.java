package org.cutover.migration.provisioning;

import java.util.ArrayList;
import java.util.List;
import org.cutover.directory.RecipientKind;
import org.cutover.migration.recipients.StoredRecipient;

/**
 * The Exchange Online PowerShell script for exactly what Graph found missing. Every change is
 * guarded by a {@code Get-*} of what is there, so the script can be run again safely: an object is
 * created only when absent, a type set only when different, an address or member added only when
 * lacking. Every value is a single-quoted PowerShell string, so names and addresses can hold
 * apostrophes and dollar signs without being read as code.
 */
final class ExchangeOnlineScript {

  /** Exchange Online's limit for the Name of a recipient. */
  private static final int MAX_NAME = 64;

  private ExchangeOnlineScript() {}

  /** The script; empty when nothing is missing. */
  static String render(String migrationId, String domain, List<RecipientGap> gaps) {
    List<RecipientGap> missing = gaps.stream().filter(g -> !g.isEmpty()).toList();
    if (missing.isEmpty()) {
      return "";
    }
    StringBuilder script = new StringBuilder();
    script
        .append("# Cutover: what Exchange Online still lacks for ")
        .append(plain(domain))
        .append(" (migration ")
        .append(plain(migrationId))
        .append(").\n")
        .append("# Run it in PowerShell with the ExchangeOnlineManagement module, signed in as an")
        .append(" Exchange administrator.\n")
        .append("# It changes only what is missing, so running it again is safe.\n")
        .append("$ErrorActionPreference = 'Stop'\n")
        .append("Connect-ExchangeOnline\n");
    for (RecipientGap gap : missing) {
      script.append('\n');
      StoredRecipient recipient = gap.recipient();
      script
          .append("# ")
          .append(RecipientNames.kind(recipient.kind()))
          .append(' ')
          .append(plain(recipient.primaryAddress()))
          .append(": ")
          .append(plain(String.join(", ", gap.items())))
          .append('\n');
      switch (recipient.kind()) {
        case USER_MAILBOX, SHARED_MAILBOX, ROOM_MAILBOX, EQUIPMENT_MAILBOX -> mailbox(script, gap);
        case DISTRIBUTION_GROUP, SECURITY_GROUP -> group(script, gap);
        case MAIL_CONTACT -> contact(script, gap);
        case MAIL_USER -> mailUser(script, gap);
      }
    }
    script.append("\nWrite-Host 'Done: complete the task in Cutover, which checks the result.'\n");
    return script.toString();
  }

  private static void mailbox(StringBuilder script, RecipientGap gap) {
    StoredRecipient recipient = gap.recipient();
    String identity = quoted(recipient.primaryAddress());
    script.append("$mailbox = Get-Mailbox -Identity ").append(identity);
    script.append(" -ErrorAction SilentlyContinue\n");
    if (recipient.kind() == RecipientKind.USER_MAILBOX) {
      script
          .append("if (-not $mailbox) { throw ")
          .append(
              quoted(
                  recipient.primaryAddress()
                      + " has no mailbox yet: Cutover creates it with its licence; retry the"
                      + " step in Cutover first"))
          .append(" }\n");
    } else {
      String switchName =
          switch (recipient.kind()) {
            case ROOM_MAILBOX -> "Room";
            case EQUIPMENT_MAILBOX -> "Equipment";
            default -> "Shared";
          };
      script
          .append("if (-not $mailbox) { $mailbox = New-Mailbox -")
          .append(switchName)
          .append(" -Name ")
          .append(quoted(name(recipient)))
          .append(" -DisplayName ")
          .append(quoted(displayName(recipient)))
          .append(" -PrimarySmtpAddress ")
          .append(identity)
          .append(" }\n")
          .append("if ($mailbox.RecipientTypeDetails -ne ")
          .append(quoted(switchName + "Mailbox"))
          .append(") { Set-Mailbox -Identity ")
          .append(identity)
          .append(" -Type ")
          .append(switchName)
          .append(" }\n");
    }
    addresses(script, "$mailbox", "Set-Mailbox", identity, gap);
  }

  private static void group(StringBuilder script, RecipientGap gap) {
    StoredRecipient recipient = gap.recipient();
    String identity = quoted(recipient.primaryAddress());
    script
        .append("$group = Get-DistributionGroup -Identity ")
        .append(identity)
        .append(" -ErrorAction SilentlyContinue\n")
        .append("if (-not $group) { $group = New-DistributionGroup -Name ")
        .append(quoted(name(recipient)))
        .append(" -DisplayName ")
        .append(quoted(displayName(recipient)))
        .append(" -PrimarySmtpAddress ")
        .append(identity);
    if (recipient.kind() == RecipientKind.SECURITY_GROUP) {
      script.append(" -Type Security");
    }
    script.append(" }\n");
    addresses(script, "$group", "Set-DistributionGroup", identity, gap);
    if (!gap.members().isEmpty()) {
      script
          .append("$members = @(Get-DistributionGroupMember -Identity ")
          .append(identity)
          .append(" -ResultSize Unlimited | ForEach-Object { [string]$_.PrimarySmtpAddress })\n")
          .append("foreach ($member in @(")
          .append(list(gap.members()))
          .append(")) {\n")
          .append("  if ($members -notcontains $member) { Add-DistributionGroupMember -Identity ")
          .append(identity)
          .append(" -Member $member }\n")
          .append("}\n");
    }
  }

  private static void contact(StringBuilder script, RecipientGap gap) {
    StoredRecipient recipient = gap.recipient();
    String identity = quoted(external(recipient));
    script
        .append("$contact = Get-MailContact -Identity ")
        .append(identity)
        .append(" -ErrorAction SilentlyContinue\n")
        .append("if (-not $contact) { $contact = New-MailContact -Name ")
        .append(quoted(name(recipient)))
        .append(" -DisplayName ")
        .append(quoted(displayName(recipient)))
        .append(" -ExternalEmailAddress ")
        .append(identity)
        .append(" }\n");
    addresses(script, "$contact", "Set-MailContact", identity, gap);
  }

  private static void mailUser(StringBuilder script, RecipientGap gap) {
    StoredRecipient recipient = gap.recipient();
    String identity = quoted(recipient.primaryAddress());
    script
        .append("$mailUser = Get-MailUser -Identity ")
        .append(identity)
        .append(" -ErrorAction SilentlyContinue\n")
        .append("if (-not $mailUser) { $mailUser = New-MailUser -Name ")
        .append(quoted(name(recipient)))
        .append(" -DisplayName ")
        .append(quoted(displayName(recipient)))
        .append(" -ExternalEmailAddress ")
        .append(quoted(external(recipient)))
        .append(" -MicrosoftOnlineServicesID ")
        .append(identity)
        .append(" -Password (Read-Host -AsSecureString ")
        .append(quoted("Initial password for " + recipient.primaryAddress()))
        .append(") }\n");
    addresses(script, "$mailUser", "Set-MailUser", identity, gap);
  }

  /** Adds each missing SMTP and X500 address unless the object has it already. */
  private static void addresses(
      StringBuilder script, String variable, String setter, String identity, RecipientGap gap) {
    List<String> proxies = new ArrayList<>();
    gap.aliases().forEach(alias -> proxies.add("smtp:" + alias));
    gap.x500().forEach(x500 -> proxies.add("X500:" + x500));
    if (proxies.isEmpty()) {
      return;
    }
    script
        .append("foreach ($address in @(")
        .append(list(proxies))
        .append(")) {\n")
        .append("  if (")
        .append(variable)
        .append(".EmailAddresses -notcontains $address) { ")
        .append(setter)
        .append(" -Identity ")
        .append(identity)
        .append(" -EmailAddresses @{Add=$address} }\n")
        .append("}\n");
  }

  private static String list(List<String> values) {
    return String.join(", ", values.stream().map(ExchangeOnlineScript::quoted).toList());
  }

  /**
   * A single-quoted PowerShell string: PowerShell ends one at any of the quote characters ' ‘ ’ ‚
   * ‛, and reads each doubled as one, so each is doubled; control characters become spaces.
   */
  static String quoted(String value) {
    StringBuilder text = new StringBuilder("'");
    for (char c : plain(value).toCharArray()) {
      if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
        text.append(c);
      }
      text.append(c);
    }
    return text.append('\'').toString();
  }

  /** Text without line breaks or other control characters, safe in a comment line. */
  private static String plain(String value) {
    StringBuilder text = new StringBuilder(value.length());
    value.codePoints().forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return text.toString();
  }

  private static String displayName(StoredRecipient recipient) {
    String name = recipient.displayName();
    return name == null || name.isBlank() ? recipient.primaryAddress() : name.strip();
  }

  /** The recipient's Name (unique in the tenant, at most 64 characters): its display name. */
  private static String name(StoredRecipient recipient) {
    String name = displayName(recipient);
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }

  private static String external(StoredRecipient recipient) {
    return recipient.externalAddress() != null
        ? recipient.externalAddress()
        : recipient.primaryAddress();
  }
}
