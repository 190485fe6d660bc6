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
 * cutover.worker.password} set to the same value on every node. A blank value (such as an empty
 * {@code CUTOVER_WORKER_PASSWORD} from a compose file) counts as none: the random password takes
 * precedence over it, so the worker never signs in with an empty password.
 */
class WorkerPassword implements EnvironmentPostProcessor {

  static final String PROPERTY = "cutover.worker.password";
  static final String USER_PROPERTY = "cutover.worker.user";
  static final String DEFAULT_USER = "cutoverworker";

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
        .addFirst(new MapPropertySource("cutover-worker-password", Map.of(PROPERTY, password)));
  }
}
