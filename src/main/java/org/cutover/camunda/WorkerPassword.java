package org.cutover.camunda;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.cutover.WorkerRoleScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the sync worker account a random password for this run when none is configured and this
 * process is alone with its database. A blank value (such as an empty {@code
 * CUTOVER_WORKER_PASSWORD} from a compose file) counts as none.
 *
 * <p>A member of a cluster refuses to start without a configured password: every node sets the
 * account's password in the shared database at start-up, so a random one would lock out the workers
 * of other processes, and a worker could not know it. A member of a cluster is a process of the
 * worker role ({@value #WorkerRoleScan.PROFILE} profile), a worker signing in to another node
 * ({@code cutover.worker.engine-rest-url}), or a node whose database other processes can open:
 * anything but an H2 database in this process (in memory, or a file without {@code AUTO_SERVER}).
 */
class WorkerPassword implements EnvironmentPostProcessor {

  static final String PROPERTY = "cutover.worker.password";
  static final String USER_PROPERTY = "cutover.worker.user";
  static final String DEFAULT_USER = "cutoverworker";
  static final String ENGINE_REST_URL = "cutover.worker.engine-rest-url";
  static final String DATASOURCE_URL = "spring.datasource.url";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    boolean worker = environment.matchesProfiles(WorkerRoleScan.PROFILE);
    String restUrl = environment.getProperty(ENGINE_REST_URL, "");
    if (worker && restUrl.isBlank()) {
      throw new WorkerSettingMissing(
          "The worker profile starts the sync worker alone, and "
              + ENGINE_REST_URL
              + " is not set.",
          "Set "
              + ENGINE_REST_URL
              + " (CUTOVER_WORKER_ENGINE_REST_URL) to a node's engine REST API, such as"
              + " http://node1:8080/engine-rest.");
    }
    String configured = environment.getProperty(PROPERTY, "");
    if (!configured.isBlank()) {
      return;
    }
    String member = clusterMembership(worker, restUrl, environment.getProperty(DATASOURCE_URL));
    if (member != null) {
      throw new WorkerSettingMissing(
          "This process "
              + member
              + ", so it is a member of a cluster, and "
              + PROPERTY
              + " is not set. A password made up at start-up would lock out the sync workers of"
              + " the other processes.",
          "Set "
              + PROPERTY
              + " (CUTOVER_WORKER_PASSWORD) to one password that every node and worker of the"
              + " cluster shares, for example from openssl rand -base64 24.");
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("cutover-worker-password", Map.of(PROPERTY, password)));
  }

  /** Why this process shares the worker account with others, or null when it does not. */
  static String clusterMembership(boolean worker, String restUrl, String datasourceUrl) {
    if (worker) {
      return "runs with the worker profile";
    }
    if (!restUrl.isBlank()) {
      return "signs in to another node's engine (" + ENGINE_REST_URL + ")";
    }
    if (!privateDatabase(datasourceUrl)) {
      return "keeps its data in a database other processes can open (" + DATASOURCE_URL + ")";
    }
    return null;
  }

  /** An H2 database only this process opens: in memory, or a file without the automatic server. */
  static boolean privateDatabase(String datasourceUrl) {
    if (datasourceUrl == null || datasourceUrl.isBlank()) {
      return true; // Spring Boot's embedded in-memory database
    }
    String url = datasourceUrl.toLowerCase(Locale.ROOT);
    if (!url.startsWith("jdbc:h2:")) {
      return false;
    }
    String rest = url.substring("jdbc:h2:".length());
    return !rest.startsWith("tcp:")
        && !rest.startsWith("ssl:")
        && !rest.replace(" ", "").contains("auto_server=true");
  }
}
