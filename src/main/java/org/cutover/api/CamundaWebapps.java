package org.cutover.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sign-in of Camunda's webapps, for pages of Cutover's own: who signed in to Cockpit, Tasklist
 * or Admin in this browser session, and the webapps' addresses to link to. Whether the user is an
 * administrator is asked of the engine at every request, so that a user taken out of camunda-admin
 * loses access at once, not at the next sign-in.
 */
@Component
public class CamundaWebapps {

  /** A user signed in to the webapps, and whether a member of camunda-admin. */
  public record SignedIn(String userId, boolean administrator) {}

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final String webapps;

  CamundaWebapps(
      ProcessEngine engine,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.webapps = webapps;
  }

  /** The user this request's session signed in to the webapps, if any. */
  public Optional<SignedIn> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return Optional.empty();
    }
    Authentication signedIn = authentications.getAuthenticationForProcessEngine(engine.getName());
    if (signedIn == null || signedIn.getIdentityId() == null) {
      return Optional.empty();
    }
    String user = signedIn.getIdentityId();
    if (identity.createUserQuery().userId(user).count() == 0) {
      return Optional.empty();
    }
    boolean admin =
        identity.createGroupQuery().groupMember(user).groupId(Groups.CAMUNDA_ADMIN).count() > 0;
    return Optional.of(new SignedIn(user, admin));
  }

  /** The webapps' sign-in page (the welcome app's, which leads on to all three). */
  public String signInPage() {
    return webapps + "/app/welcome/" + engine.getName() + "/#!/login";
  }

  /** Tasklist showing this task. */
  public String tasklistTask(String taskId) {
    return webapps + "/app/tasklist/" + engine.getName() + "/#/?task=" + encode(taskId);
  }

  /** Cockpit showing this process instance's incidents. */
  public String cockpitIncidents(String processInstanceId) {
    return webapps
        + "/app/cockpit/"
        + engine.getName()
        + "/#/process-instance/"
        + encode(processInstanceId)
        + "/runtime?tab=incidents-tab";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
