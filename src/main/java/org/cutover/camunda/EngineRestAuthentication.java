package org.cutover.camunda;

import jakarta.servlet.Filter;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API answers only to a Camunda user who signs in with HTTP Basic, the list of
 * engine names ({@code /engine-rest/engine}) included, which Camunda's filter would let through.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

  static final String DEPLOYMENTS_ENABLED = "cutover.engine-rest.deployments-enabled";

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthenticationFilter(
      ObjectProvider<ProcessEngine> engine) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new EveryRequestSignedIn(() -> engine.getObject().getName()));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    // The filter strips this prefix to find the engine's resource; the servlet path it would
    // otherwise use is not always Jersey's.
    registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
    registration.setOrder(1);
    return registration;
  }

  /** After the sign-in: what the worker account and deployments may reach (see the filter). */
  @Bean
  FilterRegistrationBean<EngineRestScope> engineRestScope(
      ObjectProvider<ProcessEngine> engine,
      @Value("${" + WorkerPassword.USER_PROPERTY + ":" + WorkerPassword.DEFAULT_USER + "}")
          String workerUser,
      @Value("${" + DEPLOYMENTS_ENABLED + ":false}") boolean deploymentsEnabled) {
    FilterRegistrationBean<EngineRestScope> registration =
        new FilterRegistrationBean<>(
            new EngineRestScope(engine, workerUser, deploymentsEnabled, "/engine-rest"));
    registration.setName("engine-rest-scope");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(2);
    return registration;
  }

  /**
   * The webapps' copy of the engine's REST API takes deployments too; they are refused there on the
   * same terms.
   */
  @Bean
  FilterRegistrationBean<EngineRestScope> webappEngineRestScope(
      ObjectProvider<ProcessEngine> engine,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps,
      @Value("${" + DEPLOYMENTS_ENABLED + ":false}") boolean deploymentsEnabled) {
    String prefix = webapps + "/api/engine";
    // No worker account applies here: it cannot sign in to the webapps.
    FilterRegistrationBean<EngineRestScope> registration =
        new FilterRegistrationBean<>(new EngineRestScope(engine, "", deploymentsEnabled, prefix));
    registration.setName("webapp-engine-rest-scope");
    registration.addUrlPatterns(prefix + "/*");
    registration.setOrder(2);
    return registration;
  }

  /**
   * Camunda's filter, with a login required for the list of engine names as well; that list names
   * no engine, so the login is checked against the one this application runs.
   */
  static final class EveryRequestSignedIn extends ProcessEngineAuthenticationFilter {

    private static final Pattern ENGINE_LIST = Pattern.compile("^/engine/?$");
    private final Supplier<String> engineName;

    EveryRequestSignedIn(Supplier<String> engineName) {
      this.engineName = engineName;
    }

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }

    @Override
    protected String extractEngineName(String requestUrl) {
      return ENGINE_LIST.matcher(requestUrl).matches()
          ? engineName.get()
          : super.extractEngineName(requestUrl);
    }
  }
}
