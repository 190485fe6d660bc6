package org.cutover.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Camunda account that sync workers use to fetch and complete external tasks over the engine's
 * REST API. Its password follows the configuration on every start.
 */
@Component
class WorkerAccount extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(WorkerAccount.class);
  private final String userId;
  private final String password;

  WorkerAccount(
      @Value("${cutover.worker.user:cutoverworker}") String userId,
      @Value("${" + WorkerPassword.PROPERTY + "}") String password) {
    this.userId = userId;
    this.password = password;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identity.newUser(userId);
      user.setFirstName("Sync");
      user.setLastName("Worker");
      log.info("Created the sync worker account {}", userId);
    }
    user.setPassword(password);
    identity.saveUser(user);
  }
}
