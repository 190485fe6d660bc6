package org.cutover.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters in front of everything, Spring Security's chains ({@code /api}, order -100)
 * and Camunda's REST login (order 1) included: security headers first, then cross-site refusal on
 * {@code /engine-rest}, then the throttle on every place a password is checked.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityFilters {

  static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
  static final int THROTTLE_ORDER = -120;
  static final String CLOCK = "loginThrottleClock";

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<SecurityHeaders> registration =
        new FilterRegistrationBean<>(new SecurityHeaders(webapps));
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(HEADERS_ORDER);
    return registration;
  }

  /** The throttle's clock is the system's unless a bean named {@value #CLOCK} (tests) is given. */
  @Bean
  LoginThrottle loginThrottle(
      LoginThrottleProperties settings, @Qualifier(CLOCK) ObjectProvider<Clock> clock) {
    return new LoginThrottle(settings, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  FilterRegistrationBean<PasswordThrottle> passwordThrottle(
      LoginThrottle throttle,
      ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<PasswordThrottle> registration =
        new FilterRegistrationBean<>(new PasswordThrottle(throttle, json));
    registration.setName("password-throttle");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", webapps + "/api/admin/auth/user/*");
    registration.setOrder(THROTTLE_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ActuatorMissingPaths> actuatorMissingPaths(ObjectMapper json) {
    FilterRegistrationBean<ActuatorMissingPaths> registration =
        new FilterRegistrationBean<>(new ActuatorMissingPaths(json));
    registration.setName("actuator-missing-paths");
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(HEADERS_ORDER + 1);
    return registration;
  }
}
