package org.cutover.camunda;

import java.util.Arrays;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without an administrator account in the configuration, except in the dev
 * profile, which brings its own. Without it nobody could sign in to Cockpit, Tasklist or the APIs,
 * or everybody could, depending on what was left behind. The demo's account comes from its
 * configuration (application-demo.yml, on the demo's class path only), so the packaged jar started
 * with the profile {@code demo} is refused like any other start without an account.
 */
@Component
class AdminAccountRequired implements InitializingBean {

  static final Set<String> PROFILES_WITH_OWN_ADMIN = Set.of("dev");
  private final Environment environment;

  AdminAccountRequired(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    boolean ownAdmin =
        Arrays.stream(environment.getActiveProfiles()).anyMatch(PROFILES_WITH_OWN_ADMIN::contains);
    if (ownAdmin) {
      return;
    }
    String id = environment.getProperty("camunda.bpm.admin-user.id", "");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (id.isBlank() || password.isBlank()) {
      throw new MissingAdminAccountException();
    }
  }

  /** Says which settings are missing; {@link MissingAdminAccountAnalyzer} explains the fix. */
  static class MissingAdminAccountException extends IllegalStateException {
    MissingAdminAccountException() {
      super("No administrator account is configured");
    }
  }
}
