package org.cutover.camunda;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Camunda account that sync workers use to fetch and complete external tasks over the engine's
 * REST API. Its password follows the configuration on every start, and so do its rights: it belongs
 * to no group and holds exactly the grant that fetching, locking, extending, completing and failing
 * the runbook's external tasks needs (read and update the instances of {@value #PROCESS_KEY});
 * anything else found on it, such as the rights Camunda gives a new user on itself, is removed.
 */
@Component
class WorkerAccount extends AbstractProcessEnginePlugin {

  static final String PROCESS_KEY = "cutover-migration";
  static final Set<ProcessDefinitionPermissions> PERMISSIONS =
      EnumSet.of(
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);

  private static final Logger log = LoggerFactory.getLogger(WorkerAccount.class);
  private final String userId;
  private final String password;

  WorkerAccount(
      @Value("${" + WorkerPassword.USER_PROPERTY + ":" + WorkerPassword.DEFAULT_USER + "}")
          String userId,
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
    for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
      identity.deleteMembership(userId, group.getId());
      log.warn("Removed the sync worker account {} from group {}", userId, group.getId());
    }
    grantOnlyExternalTasks(engine.getAuthorizationService());
  }

  private void grantOnlyExternalTasks(AuthorizationService authorizations) {
    boolean granted = false;
    for (Authorization existing :
        authorizations.createAuthorizationQuery().userIdIn(userId).list()) {
      if (!granted && isTheGrant(existing)) {
        granted = true;
      } else {
        authorizations.deleteAuthorization(existing.getId());
      }
    }
    if (!granted) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId(userId);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(PROCESS_KEY);
      PERMISSIONS.forEach(grant::addPermission);
      authorizations.saveAuthorization(grant);
    }
  }

  private static boolean isTheGrant(Authorization authorization) {
    if (authorization.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT
        || authorization.getResourceType() != Resources.PROCESS_DEFINITION.resourceType()
        || !PROCESS_KEY.equals(authorization.getResourceId())) {
      return false;
    }
    // NONE and ALL are not single rights: NONE always counts as held, ALL only when all are.
    List<Permission> held =
        Arrays.stream(authorization.getPermissions(ProcessDefinitionPermissions.values()))
            .filter(
                permission ->
                    permission != ProcessDefinitionPermissions.NONE
                        && permission != ProcessDefinitionPermissions.ALL)
            .toList();
    return held.size() == PERMISSIONS.size() && held.containsAll(PERMISSIONS);
  }
}
