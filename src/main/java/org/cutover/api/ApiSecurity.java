package org.cutover.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two filter chains. {@code /api/**} and the metrics ({@code /actuator/prometheus}): HTTP Basic
 * against Camunda's users, Camunda admins only, stateless. HTTP Basic is meant for programs, but a
 * browser that has signed in with it sends the login with every request, like a cookie; so CSRF
 * protection stays on, with {@link CrossSiteProof} as the proof a request needs instead of a token
 * (nothing is stored). Everything else is let through to its own login (Camunda's webapps under
 * {@code /camunda/**} with their own login and CSRF token, its REST API under {@code
 * /engine-rest/**} with its authentication filter), with the same CSRF rule as {@code /api} for
 * every path but the webapps. The OpenAPI description and Swagger UI ({@code /v3/api-docs}, {@code
 * /swagger-ui.html}) are open: they hold no data, and trying a call from Swagger UI asks for the
 * login. {@link WebSecurityFilters} adds headers and the login throttle in front of both chains.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

  private static final String REALM = "Cutover API";

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http, CamundaUserAuthentication authentication, ObjectMapper json)
      throws Exception {
    // The metrics hold no data of a user, but tell much about a migration: administrators only.
    return http.securityMatcher("/api/**", "/actuator/prometheus")
        .authenticationProvider(authentication)
        .authorizeHttpRequests(
            requests -> requests.anyRequest().hasRole(CamundaUserAuthentication.ADMIN_ROLE))
        .httpBasic(
            basic ->
                basic
                    .realmName(REALM)
                    .authenticationEntryPoint(
                        (request, response, failure) -> unauthenticated(response, json)))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(
                        (request, response, failure) -> unauthenticated(response, json))
                    .accessDeniedHandler(
                        (request, response, denied) -> {
                          if (denied instanceof CsrfException) {
                            CrossSiteProof.refuse(response, json);
                          } else {
                            forbidden(response, json);
                          }
                        }))
        .csrf(
            csrf ->
                csrf.requireCsrfProtectionMatcher(CrossSiteProof::lacking)
                    .csrfTokenRepository(new NoTokens()))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(
      HttpSecurity http,
      ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps)
      throws Exception {
    // The same CSRF rule as /api, for every path but the webapps, which carry Camunda's own CSRF
    // token (their login is a form post): Camunda's REST API is reached with cached Basic
    // credentials like /api.
    String webappPrefix = webapps + "/";
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(
            csrf ->
                csrf.requireCsrfProtectionMatcher(
                        request ->
                            !request.getRequestURI().startsWith(webappPrefix)
                                && CrossSiteProof.lacking(request))
                    .csrfTokenRepository(new NoTokens()))
        .exceptionHandling(
            handling ->
                handling.accessDeniedHandler(
                    (request, response, denied) -> CrossSiteProof.refuse(response, json)))
        .headers(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .servletApi(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * A URL the firewall refuses, such as {@code /api/migrations//cancel} when the id was left out,
   * is answered with a problem that says what to check.
   */
  @Bean
  RequestRejectedHandler rejectedUrls(ObjectMapper json) {
    return (request, response, rejected) ->
        write(
            response,
            json,
            HttpStatus.BAD_REQUEST,
            ProblemTypes.REJECTED_URL,
            "URL not accepted",
            "The URL holds an empty path segment ('//'), an encoded slash or another sequence"
                + " that is not accepted; check that every part of the path, such as the"
                + " migration id, is filled in.");
  }

  private static void unauthenticated(HttpServletResponse response, ObjectMapper json)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    write(
        response,
        json,
        HttpStatus.UNAUTHORIZED,
        ProblemTypes.UNAUTHENTICATED,
        "Login required",
        "Log in with HTTP Basic as a Camunda administrator (a member of camunda-admin); the user"
            + " and password are the ones for Cockpit.");
  }

  private static void forbidden(HttpServletResponse response, ObjectMapper json)
      throws IOException {
    write(
        response,
        json,
        HttpStatus.FORBIDDEN,
        ProblemTypes.FORBIDDEN,
        "Administrators only",
        "The API is for Camunda administrators; add the user to group camunda-admin in Camunda"
            + " Admin, or log in as an administrator.");
  }

  private static void write(
      HttpServletResponse response,
      ObjectMapper json,
      HttpStatus status,
      java.net.URI type,
      String title,
      String detail)
      throws IOException {
    ProblemResponses.write(response, json, status, type, title, detail);
  }

  /**
   * No token is handed out or stored: a request without {@link CrossSiteProof} is refused, one with
   * it needs no token.
   */
  private static final class NoTokens implements CsrfTokenRepository {

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
      return new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", java.util.UUID.randomUUID().toString());
    }

    @Override
    public void saveToken(
        CsrfToken token, HttpServletRequest request, HttpServletResponse response) {}

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
      return null;
    }
  }
}
