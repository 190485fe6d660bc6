package org.cutover.migration.letters;

import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the users' letters say by default ({@code cutover.letters.*}, beside {@code
 * LetterProperties}).
 *
 * @param client the users' mail program settings a migration uses for what it does not give itself
 *     ({@code cutover.letters.client.*})
 * @param cancellationLetter whether a cancel tells the users who got the announcement that the move
 *     is off ({@code cutover.letters.cancellation-letter}, default true)
 */
@ConfigurationProperties("cutover.letters")
@Validated
public record UserLetterSettings(
    @Valid ClientSettings client, @DefaultValue("true") boolean cancellationLetter) {

  public UserLetterSettings {
    client = client == null ? ClientSettings.NONE : client;
  }
}
