package org.cutover.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Loads the secrets key at start-up. Outside the demo and dev profiles a missing or malformed
 * {@code cutover.secrets.key} stops the application with a message saying how to make one. In demo
 * and dev, when no key is set, a random key is generated once per data directory and kept in {@code
 * cutover.secrets.dev-key-file} (owner-only permissions where the file system has them), so stored
 * credentials survive restarts without any setup.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsKeyLoader {

  private static final Logger log = LoggerFactory.getLogger(SecretsKeyLoader.class);

  @Bean
  SecretsKey secretsKey(SecretsProperties properties, Environment environment) {
    if (properties.key() != null && !properties.key().isBlank()) {
      return SecretsKey.fromBase64(properties.key(), SecretsKey.PROPERTY);
    }
    if (environment.acceptsProfiles(Profiles.of("demo", "dev"))) {
      return devKey(properties.devKeyFile());
    }
    throw new UnusableSecretsKey(
        SecretsKey.PROPERTY
            + " is not set: Cutover encrypts stored credentials with it and will not start"
            + " without it (only the demo and dev profiles generate one).",
        null);
  }

  @Bean
  SecretCipher secretCipher(SecretsKey secretsKey) {
    return new SecretCipher(secretsKey);
  }

  static SecretsKey devKey(Path file) {
    try {
      if (Files.notExists(file)) {
        createKeyFile(file);
      }
      SecretsKey key =
          SecretsKey.fromBase64(
              Files.readString(file, StandardCharsets.US_ASCII), "The key file " + file);
      log.info("Secrets key {} read from {} (demo/dev profile)", key.id(), file.toAbsolutePath());
      return key;
    } catch (IOException failure) {
      throw new IllegalStateException(
          "Cannot read or create the dev secrets key file "
              + file.toAbsolutePath()
              + ": "
              + failure.getMessage()
              + ". Make its directory writable, set cutover.secrets.dev-key-file, or set "
              + SecretsKey.PROPERTY,
          failure);
    }
  }

  private static void createKeyFile(Path file) throws IOException {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    String text = Base64.getEncoder().encodeToString(raw) + "\n";
    java.util.Arrays.fill(raw, (byte) 0);
    Path directory = file.toAbsolutePath().getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    Path written = Files.createTempFile(directory, ".secrets-", ".key");
    try {
      if (Files.getFileStore(written).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(written, text, StandardCharsets.US_ASCII);
      Files.move(written, file);
    } catch (FileAlreadyExistsException createdMeanwhile) {
      return;
    } finally {
      Files.deleteIfExists(written);
    }
    log.info("Generated a new secrets key in {} (demo/dev profile)", file.toAbsolutePath());
  }
}
