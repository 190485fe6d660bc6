package org.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
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

  private void configure(String password) {
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("configured", Map.of(WorkerPassword.PROPERTY, password)));
  }
}
