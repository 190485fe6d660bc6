package org.cutover.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two filter chains. {@code /api/**}: HTTP Basic against Camunda's users, Camunda admins only,
 * stateless, no CSRF (no cookies are used). Everything else passes untouched, so Camunda's webapps
 * ({@code /camunda/**}, their own login and CSRF) and its REST API ({@code /engine-rest/**}, its
 * own authentication filter) keep their own protection. The OpenAPI description and Swagger UI
 * ({@code /v3/api-docs}, {@code /swagger-ui.html}) are open: they hold no data, and trying a call
 * from Swagger UI asks for the login.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

  private static final String REALM = "Cutover API";

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http, CamundaUserAuthentication authentication, ObjectMapper json)
      throws Exception {
    return http.securityMatcher("/api/**")
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
                    .accessDeniedHandler((request, response, denied) -> forbidden(response, json)))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .servletApi(AbstractHttpConfigurer::disable)
        .exceptionHandling(AbstractHttpConfigurer::disable)
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
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.toString());
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
