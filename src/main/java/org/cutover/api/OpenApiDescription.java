package org.cutover.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.cutover.secrets.SecretText;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (Swagger UI: {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

  static {
    SpringDocUtils.getConfig().replaceWithClass(SecretText.class, String.class);
  }

  @Bean
  OpenAPI cutoverOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Cutover API")
                .version("1")
                .description(
                    "Start and watch cutover mail migrations. Errors are RFC 9457 problem details"
                        + " (application/problem+json); invalid settings list each field in"
                        + " errors with its JSON path. Secrets are write-only and stored"
                        + " encrypted. Log in with HTTP Basic as a Camunda administrator."
                        + " Camunda's own REST API is at /engine-rest."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
