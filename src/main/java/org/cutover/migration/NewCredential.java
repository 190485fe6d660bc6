package org.cutover.migration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cutover.secrets.SecretText;

/** A credential stored on its own with POST /api/credentials, to be named by id later. */
@Schema(description = "A credential to store encrypted")
@ConsistentSettings
public record NewCredential(
    @Schema(
            description =
                "What it is, for people choosing it: at most 200 characters, without control"
                    + " characters or < >",
            example = "contoso.com source admin")
        @NotBlank(message = "{cutover.credential.name.missing}")
        @Size(max = 200, message = "{cutover.credential.name.size}")
        @Pattern(regexp = SettingsPatterns.PLAIN_TEXT, message = "{cutover.text.plain}")
        String name,
    @Schema(
            description = "The secret itself, at most 16384 characters; write-only",
            type = "string",
            format = "password",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        SecretText secret)
    implements CrossFieldRules {

  public NewCredential {
    name = SettingsText.strip(name);
  }

  @Override
  public void check(RuleViolations violations) {
    if (secret == null || secret.isBlank()) {
      violations.on("secret", "{cutover.credential.secret.missing}");
    } else {
      CredentialRule.checkSize(violations, secret, "secret");
    }
  }
}
