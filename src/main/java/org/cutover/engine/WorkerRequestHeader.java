package org.cutover.engine;

import org.camunda.bpm.client.interceptor.ClientRequestContext;
import org.camunda.bpm.client.interceptor.ClientRequestInterceptor;
import org.springframework.stereotype.Component;

/**
 * The sync worker's calls carry the header that state-changing REST calls need (a browser never
 * adds it to a request from another site; see {@code api.CrossSiteRequestGuard}).
 */
@Component
class WorkerRequestHeader implements ClientRequestInterceptor {

  static final String HEADER = "X-Requested-By";
  static final String VALUE = "cutover-sync-worker";

  @Override
  public void intercept(ClientRequestContext request) {
    request.addHeader(HEADER, VALUE);
  }
}
