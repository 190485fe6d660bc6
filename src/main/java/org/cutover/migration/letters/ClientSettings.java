package org.cutover.migration.letters;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The settings users enter in their own mail programs after the move, as the administrator gives
 * them with a migration. Anything left out comes from {@code cutover.letters.client.*}; none of it
 * is ever taken from the endpoint Cutover logs in to.
 */
@Schema(
    description =
        "What users set up in their mail programs after the move; the letters name these and"
            + " nothing else. Left out: cutover.letters.client.*. IMAP target: incoming and"
            + " outgoing server are required (here or in configuration). Microsoft 365: only"
            + " signInAddress and autodiscover are used.")
public record ClientSettings(
    @Schema(
            description = "IMAP target: the server users' mail programs fetch mail from",
            example = "imap.contoso.com")
        @Size(max = 253, message = "{cutover.client.server}")
        @Pattern(regexp = ClientSettingsRules.SERVER, message = "{cutover.client.server}")
        String incomingServer,
    @Schema(description = "IMAP target: its port; default 993 with TLS, 143 with STARTTLS")
        @Min(value = 1, message = "{cutover.client.port}")
        @Max(value = 65535, message = "{cutover.client.port}")
        Integer incomingPort,
    @Schema(description = "IMAP target: TLS (default), STARTTLS, or NONE with allowUnencrypted")
        ClientEncryption incomingEncryption,
    @Schema(
            description = "IMAP target: the SMTP server users send mail through",
            example = "smtp.contoso.com")
        @Size(max = 253, message = "{cutover.client.server}")
        @Pattern(regexp = ClientSettingsRules.SERVER, message = "{cutover.client.server}")
        String outgoingServer,
    @Schema(description = "IMAP target: its port; default 587 with STARTTLS, 465 with TLS")
        @Min(value = 1, message = "{cutover.client.port}")
        @Max(value = 65535, message = "{cutover.client.port}")
        Integer outgoingPort,
    @Schema(description = "IMAP target: STARTTLS (default), TLS, or NONE with allowUnencrypted")
        ClientEncryption outgoingEncryption,
    @Schema(
            description = "IMAP target: the webmail address, if users have one",
            example = "https://webmail.contoso.com")
        @Size(max = 500, message = "{cutover.client.address}")
        @Pattern(regexp = ClientSettingsRules.WEB_ADDRESS, message = "{cutover.client.address}")
        String webmailAddress,
    @Schema(
            description = "Microsoft 365: where users sign in; default https://outlook.office.com",
            example = "https://outlook.office.com")
        @Size(max = 500, message = "{cutover.client.address}")
        @Pattern(regexp = ClientSettingsRules.WEB_ADDRESS, message = "{cutover.client.address}")
        String signInAddress,
    @Schema(
            description =
                "Microsoft 365: whether Outlook finds the settings by itself (Autodiscover);"
                    + " default: yes when the migration publishes the Autodiscover record")
        Boolean autodiscover,
    @Schema(
            description =
                "IMAP target: must be true for NONE or an http:// webmail address; the letters then"
                    + " warn users that their password travels unprotected")
        Boolean allowUnencrypted) {

  public static final ClientSettings NONE =
      new ClientSettings(null, null, null, null, null, null, null, null, null, null);

  public ClientSettings {
    incomingServer = blankToNull(incomingServer);
    outgoingServer = blankToNull(outgoingServer);
    webmailAddress = blankToNull(webmailAddress);
    signInAddress = blankToNull(signInAddress);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
