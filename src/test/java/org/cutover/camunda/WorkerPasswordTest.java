package org.cutover.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class WorkerPasswordTest {

  private final StandardEnvironment environment = new StandardEnvironment();

  private String passwordAfterStart() {
    new WorkerPassword().postProcessEnvironment(environment, new SpringApplication());
    return environment.getProperty(WorkerPassword.PROPERTY);
  }

  @Test
  void keepsAConfiguredPassword() {
    configure("the-shared-worker-password");

    assertThat(passwordAfterStart()).isEqualTo("the-shared-worker-password");
  }

  @Test
  void givesARandomPasswordWhenNoneIsConfigured() {
    assertThat(passwordAfterStart()).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void givesARandomPasswordWhenTheConfiguredOneIsBlank() {
    // As docker/compose.yaml passes CUTOVER_WORKER_PASSWORD when it is not set.
    configure("");

    assertThat(passwordAfterStart()).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void aNodeOnAServerDatabaseRefusesToStartWithoutAConfiguredPassword() {
    set(WorkerPassword.DATASOURCE_URL, "jdbc:postgresql://db:5432/cutover");
    configure(" ");

    assertThatThrownBy(this::passwordAfterStart)
        .isInstanceOf(WorkerSettingMissing.class)
        .hasMessageContaining("spring.datasource.url")
        .hasMessageContaining("cutover.worker.password is not set");
  }

  @Test
  void aWorkerOfAnotherNodesEngineRefusesToStartWithoutAConfiguredPassword() {
    set(WorkerPassword.ENGINE_REST_URL, "http://node1:8080/engine-rest");

    assertThatThrownBy(this::passwordAfterStart)
        .isInstanceOf(WorkerSettingMissing.class)
        .hasMessageContaining("cutover.worker.engine-rest-url");
  }

  @Test
  void theWorkerProfileNeedsTheNodesRestApiAndThePassword() {
    environment.setActiveProfiles("worker");
    assertThatThrownBy(this::passwordAfterStart)
        .isInstanceOf(WorkerSettingMissing.class)
        .hasMessageContaining("cutover.worker.engine-rest-url is not set");

    set(WorkerPassword.ENGINE_REST_URL, "http://node1:8080/engine-rest");
    assertThatThrownBy(this::passwordAfterStart)
        .isInstanceOf(WorkerSettingMissing.class)
        .hasMessageContaining("worker profile")
        .hasMessageContaining("cutover.worker.password is not set");

    configure("the-shared-worker-password");
    assertThat(passwordAfterStart()).isEqualTo("the-shared-worker-password");
  }

  @Test
  void theStartUpFailureNamesTheSettingToSet() {
    set(WorkerPassword.DATASOURCE_URL, "jdbc:postgresql://db:5432/cutover");
    WorkerSettingMissing missing =
        (WorkerSettingMissing)
            org.assertj.core.api.Assertions.catchThrowable(this::passwordAfterStart);

    FailureAnalysis analysis = new WorkerSettingMissingAnalyzer().analyze(missing);

    assertThat(analysis.getDescription()).contains("member of a cluster");
    assertThat(analysis.getAction())
        .contains("cutover.worker.password")
        .contains("CUTOVER_WORKER_PASSWORD");
  }

  @Test
  void onlyAnH2DatabaseOfThisProcessIsPrivate() {
    assertThat(WorkerPassword.privateDatabase(null)).isTrue();
    assertThat(WorkerPassword.privateDatabase("jdbc:h2:file:./data/cutover;WRITE_DELAY=0"))
        .isTrue();
    assertThat(WorkerPassword.privateDatabase("jdbc:h2:mem:test")).isTrue();
    assertThat(WorkerPassword.privateDatabase("jdbc:h2:file:./data/cutover;AUTO_SERVER=TRUE"))
        .isFalse();
    assertThat(WorkerPassword.privateDatabase("jdbc:h2:tcp://db/cutover")).isFalse();
    assertThat(WorkerPassword.privateDatabase("jdbc:postgresql://db:5432/cutover")).isFalse();
  }

  private void set(String property, String value) {
    environment
        .getPropertySources()
        .addLast(new MapPropertySource(property, Map.of(property, value)));
  }

  private void configure(String password) {
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("configured", Map.of(WorkerPassword.PROPERTY, password)));
  }
}
