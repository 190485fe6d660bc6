package org.cutover.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

class SecretsKeyLoaderTest {

  private static final String KEY = "vJ4m1jKQ0cO4x4m2m8gqF0c3rHkz7b0V9pYc6Qm2l4A=";

  @TempDir Path data;

  private final SecretsKeyLoader loader = new SecretsKeyLoader();

  @Test
  void refusesToStartWithoutAKeyOutsideDemoAndDev() {
    MockEnvironment production = new MockEnvironment();

    assertThatThrownBy(() -> loader.secretsKey(properties(null), production))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cutover.secrets.key is not set")
        .hasMessageContaining("openssl rand -base64 32");
  }

  @Test
  void aMissingKeyStopsTheStartWithAMessageSayingWhatToSet() {
    Throwable failure =
        new IllegalStateException(
            "Error creating bean with name 'secretsKey'",
            catchThrowable(() -> loader.secretsKey(properties(null), new MockEnvironment())));

    FailureAnalysis analysis =
        // Analyzers that need the application's context are left out here.
        SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, null, (type, name, cannotCreate) -> {})
            .stream()
            .map(analyzer -> analyzer.analyze(failure))
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow();

    assertThat(analysis.getDescription()).startsWith("cutover.secrets.key is not set");
    assertThat(analysis.getAction())
        .contains(
            "openssl rand -base64 32",
            "CUTOVER_SECRETS_KEY",
            "./mvnw spring-boot:run -Dspring-boot.run.profiles=demo");
  }

  @Test
  void refusesAKeyThatIsNotBase64WithoutRepeatingIt() {
    assertThatThrownBy(
            () -> loader.secretsKey(properties("not base64 at all!"), new MockEnvironment()))
        .hasMessageContaining("cutover.secrets.key is not valid base64")
        .hasMessageContaining("openssl rand -base64 32")
        .hasMessageNotContaining("not base64 at all");
  }

  @Test
  void refusesAKeyOfTheWrongLength() {
    assertThatThrownBy(() -> loader.secretsKey(properties("c2hvcnQ="), new MockEnvironment()))
        .hasMessageContaining("decodes to 5 bytes")
        .hasMessageContaining("exactly 32");
  }

  @Test
  void takesTheConfiguredKey() {
    SecretsKey key = loader.secretsKey(properties(KEY), new MockEnvironment());

    assertThat(key.id()).isEqualTo(SecretsKey.fromBase64(KEY, "same").id());
  }

  @Test
  void devProfileGeneratesAKeyOncePerDataDirectory() throws Exception {
    MockEnvironment dev = new MockEnvironment();
    dev.setActiveProfiles("dev");
    Path file = data.resolve("data/secrets.key");

    SecretsKey first = loader.secretsKey(new SecretsProperties(null, file), dev);
    SecretsKey second = loader.secretsKey(new SecretsProperties("", file), dev);

    assertThat(first.id()).isEqualTo(second.id());
    assertThat(Files.readString(file).strip()).hasSize(44);
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    SecretsKey elsewhere =
        loader.secretsKey(new SecretsProperties(null, data.resolve("other/secrets.key")), demo);
    assertThat(elsewhere.id()).isNotEqualTo(first.id());
  }

  @Test
  void propertiesNeverPrintTheKey() {
    assertThat(properties(KEY).toString()).doesNotContain(KEY).contains("(set)");
  }

  private SecretsProperties properties(String key) {
    return new SecretsProperties(key, data.resolve("secrets.key"));
  }
}
