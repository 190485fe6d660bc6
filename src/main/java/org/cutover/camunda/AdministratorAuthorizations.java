package org.cutover.camunda;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * With Camunda's authorization checks on, only what is granted is allowed. Members of {@code
 * camunda-admin} (the configured administrator among them) hold every right on every resource.
 * Camunda grants them only when it creates the group; a database that had the group before the
 * checks were switched on gets the grants here, on every start.
 */
@Component
class AdministratorAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Resource resource : Resources.values()) {
      long held =
          authorizations
              .createAuthorizationQuery()
              .groupIdIn(Groups.CAMUNDA_ADMIN)
              .resourceType(resource)
              .resourceId(Authorization.ANY)
              .count();
      if (held == 0) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Groups.CAMUNDA_ADMIN);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
  }
}
