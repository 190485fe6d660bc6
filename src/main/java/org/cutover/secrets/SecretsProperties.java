package org.cutover.secrets;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cutover.secrets.*}.
 *
 * @param key base64 of 32 random bytes ({@code openssl rand -base64 32}); required outside the demo
 *     and dev profiles
 * @param devKeyFile where the demo and dev profiles keep a generated key when {@code key} is not
 *     set: one key per data directory, created on first start (default {@code data/secrets.key},
 *     next to the H2 database)
 */
@ConfigurationProperties("cutover.secrets")
public record SecretsProperties(String key, @DefaultValue("data/secrets.key") Path devKeyFile) {

  @Override
  public String toString() {
    return "SecretsProperties[key="
        + (key == null || key.isBlank() ? "(not set)" : "(set)")
        + ", devKeyFile="
        + devKeyFile
        + "]";
  }
}
