package org.cutover.engine;

import jakarta.servlet.Filter;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API answers only to a Camunda user who signs in with HTTP Basic, the list of
 * engine names ({@code /engine-rest/engine}) included, which Camunda's filter would let through.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

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
