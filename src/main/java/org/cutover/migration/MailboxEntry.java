package org.cutover.migration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One mailbox to migrate. */
@Schema(description = "One mailbox to migrate")
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
        String displayName) {

  public MailboxEntry {
    emailAddress = SettingsText.strip(emailAddress);
    sourceLogin = SettingsText.blankToNull(sourceLogin);
    displayName = SettingsText.blankToNull(displayName);
  }
}
