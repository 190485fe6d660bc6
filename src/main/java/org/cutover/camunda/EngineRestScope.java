package org.cutover.camunda;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a signed-in user may do over the REST APIs beyond Camunda's authorizations.
 *
 * <ul>
 *   <li>The sync worker account reaches the external-task calls its worker makes (fetch and lock,
 *       extend a lock, complete, report a failure) and nothing else: Camunda would answer other
 *       queries with empty lists; this answers 403, so that a misused account stands out.
 *   <li>Deployments ({@code deployment/create}, {@code deployment/{id}/redeploy}) are refused for
 *       everyone unless {@code cutover.engine-rest.deployments-enabled} is true: a deployed model
 *       runs on the server with the application's rights. The runbook is deployed from the
 *       application itself.
 * </ul>
 */
class EngineRestScope extends OncePerRequestFilter {

  /** The calls of Camunda's external-task client, with or without the engine's name. */
  private static final Pattern WORKER_CALLS =
      Pattern.compile(
          "^(/engine/[^/]+)?/external-task/(fetchAndLock|[^/]+/(complete|extendLock|failure))$");

  private static final Pattern DEPLOYMENT =
      Pattern.compile("^.*/deployment/(create|[^/]+/redeploy)/?$");

  private final ObjectProvider<ProcessEngine> engine;
  private final String workerUser;
  private final boolean deploymentsEnabled;
  private final String prefix;

  EngineRestScope(
      ObjectProvider<ProcessEngine> engine,
      String workerUser,
      boolean deploymentsEnabled,
      String prefix) {
    this.engine = engine;
    this.workerUser = workerUser;
    this.deploymentsEnabled = deploymentsEnabled;
    this.prefix = prefix;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String resource = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    if (!deploymentsEnabled && DEPLOYMENT.matcher(resource).matches()) {
      new EngineRestProblem(
              403,
              "urn:cutover:problem:deployments-disabled",
              "Deployments over the REST API are switched off",
              "Cutover deploys its runbook itself. An administrator who must deploy another model"
                  + " sets cutover.engine-rest.deployments-enabled=true for the time it takes;"
                  + " a deployed model runs on the server with Cutover's rights.")
          .writeTo(response);
      return;
    }
    if (isWorker()
        && !("POST".equals(request.getMethod()) && WORKER_CALLS.matcher(resource).matches())) {
      new EngineRestProblem(
              403,
              "urn:cutover:problem:forbidden",
              "Not for the sync worker account",
              "The sync worker account may only fetch, lock, extend, complete and fail"
                  + " mailbox-sync tasks; sign in as an administrator for anything else.")
          .writeTo(response);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean isWorker() {
    ProcessEngine processEngine = engine.getIfAvailable();
    if (processEngine == null) {
      return false;
    }
    Authentication signedIn = processEngine.getIdentityService().getCurrentAuthentication();
    return signedIn != null && workerUser.equals(signedIn.getUserId());
  }
}
