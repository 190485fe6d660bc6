package org.cutover.engine;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the sync worker account a random password for this run when none is configured. The
 * in-process worker then signs in with it; workers in other processes need {@code
 * cutover.worker.password} set to the same value on every node.
 */
class WorkerPassword implements EnvironmentPostProcessor {

  static final String PROPERTY = "cutover.worker.password";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String configured = environment.getProperty(PROPERTY, "");
    if (!configured.isBlank()) {
      return;
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("cutover-worker-password", Map.of(PROPERTY, password)));
  }
}
