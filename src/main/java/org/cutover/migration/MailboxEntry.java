package org.cutover.migration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretText;

/**
 * One mailbox to migrate, with the user's own password at the source or an IMAP target where the
 * endpoint signs in with each user's own password (auth PLAIN) or the admin may not open it.
 */
@Schema(description = "One mailbox to migrate")
@ConsistentSettings
public record MailboxEntry(
    @Schema(description = "The user's email address", example = "anna@contoso.com")
        @NotBlank(message = "{cutover.mailbox.address.missing}")
        @Email(regexp = SettingsPatterns.EMAIL, message = "{cutover.mailbox.address}")
        @Size(max = 320)
        String emailAddress,
    @Schema(
            description = "The login at the source server when it differs from the email address",
            example = "CONTOSO\\anna")
        @Size(max = 320)
        @Pattern(regexp = SettingsPatterns.PLAIN_TEXT, message = "{cutover.text.plain}")
        String sourceLogin,
    @Schema(description = "The user's name as shown in letters", example = "Anna Jensen")
        @Size(max = 256)
        @Pattern(regexp = SettingsPatterns.PLAIN_TEXT, message = "{cutover.text.plain}")
        String displayName,
    @Schema(
            description =
                "The user's own password at the source: the sync signs in as the user"
                    + " (sourceLogin, else the address) with it; write-only, stored encrypted."
                    + " Needed for every mailbox when the source's auth is PLAIN.",
            type = "string",
            format = "password",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        SecretText sourcePassword,
    @Schema(
            description =
                "Id of a credential stored with POST /api/credentials (or"
                    + " /api/credentials/mailboxes) holding the user's source password, instead"
                    + " of sourcePassword")
        String sourceCredentialId,
    @Schema(
            description = "The login at an IMAP target when it differs from the email address",
            example = "anna")
        @Size(max = 320)
        @Pattern(regexp = SettingsPatterns.PLAIN_TEXT, message = "{cutover.text.plain}")
        String targetLogin,
    @Schema(
            description =
                "The user's own password at an IMAP target (targetLogin, else the address);"
                    + " write-only, stored encrypted. Needed for every mailbox when the target's"
                    + " auth is PLAIN.",
            type = "string",
            format = "password",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        SecretText targetPassword,
    @Schema(
            description =
                "Id of a stored credential holding the user's target password, instead of"
                    + " targetPassword")
        String targetCredentialId,
    @Schema(
            description =
                "Other addresses the mailbox receives mail at (aliases); the domain's addresses"
                    + " are checked at the new mail exchanger before the MX swap",
            example = "[\"anna.jensen@contoso.com\", \"sales@contoso.com\"]")
        @Size(max = 100, message = "{cutover.mailbox.aliases.size}")
        List<
                @NotBlank(message = "{cutover.mailbox.address.missing}")
                @Email(regexp = SettingsPatterns.EMAIL, message = "{cutover.mailbox.address}")
                @Size(max = 320) String>
            aliases)
    implements CrossFieldRules {

  /** A mailbox opened with the endpoints' admin logins. */
  public MailboxEntry(String emailAddress, String sourceLogin, String displayName) {
    this(emailAddress, sourceLogin, displayName, null, null, null, null, null);
  }

  /** A mailbox without aliases. */
  public MailboxEntry(
      String emailAddress,
      String sourceLogin,
      String displayName,
      SecretText sourcePassword,
      String sourceCredentialId,
      String targetLogin,
      SecretText targetPassword,
      String targetCredentialId) {
    this(
        emailAddress,
        sourceLogin,
        displayName,
        sourcePassword,
        sourceCredentialId,
        targetLogin,
        targetPassword,
        targetCredentialId,
        List.of());
  }

  public MailboxEntry {
    emailAddress = SettingsText.strip(emailAddress);
    sourceLogin = SettingsText.blankToNull(sourceLogin);
    displayName = SettingsText.blankToNull(displayName);
    sourceCredentialId = SettingsText.blankToNull(sourceCredentialId);
    targetLogin = SettingsText.blankToNull(targetLogin);
    targetCredentialId = SettingsText.blankToNull(targetCredentialId);
    aliases =
        aliases == null
            ? List.of()
            : aliases.stream().map(alias -> alias == null ? null : alias.strip()).toList();
  }

  @Override
  public void check(RuleViolations violations) {
    CredentialRule.checkIfGiven(
        violations, sourcePassword, sourceCredentialId, "sourcePassword", "sourceCredentialId");
    CredentialRule.checkIfGiven(
        violations, targetPassword, targetCredentialId, "targetPassword", "targetCredentialId");
  }

  /** The user whose mailbox is read at the source: the source login, else the address. */
  public String sourceUser() {
    return sourceLogin != null ? sourceLogin : emailAddress;
  }

  /** The user whose mailbox is written at an IMAP target: the target login, else the address. */
  public String targetUser() {
    return targetLogin != null ? targetLogin : emailAddress;
  }

  /** Whether the user's own source password comes with the mailbox. */
  public boolean hasSourcePassword() {
    return given(sourcePassword) || sourceCredentialId != null;
  }

  /** Whether the user's own target password comes with the mailbox. */
  public boolean hasTargetPassword() {
    return given(targetPassword) || targetCredentialId != null;
  }

  SecretRef sourceCredentialRef() {
    return CredentialRule.refOrNull(sourceCredentialId);
  }

  SecretRef targetCredentialRef() {
    return CredentialRule.refOrNull(targetCredentialId);
  }

  private static boolean given(SecretText secret) {
    return secret != null && !secret.isBlank();
  }
}
