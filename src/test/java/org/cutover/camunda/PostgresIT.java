package org.cutover.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.cutover.CutoverApplication;
import org.cutover.testsupport.PrivatePostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cutover on a real PostgreSQL server: our tables by Flyway first, then the engine's, and a restart
 * on the same database deploys nothing new.
 */
class PostgresIT {

  @Test
  void runsOnPostgresqlAndRestartsWithoutANewDeployment() throws Exception {
    try (PrivatePostgres postgres = PrivatePostgres.start()) {
      try (ConfigurableApplicationContext first = start(postgres)) {
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        assertThat(
                jdbc.execute(
                    (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()))
            .isEqualTo("PostgreSQL");
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from cutover_schema_history where success", Integer.class))
            .isPositive();
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from information_schema.tables"
                        + " where lower(table_name) like 'act_%'",
                    Integer.class))
            .isGreaterThan(40);
        assertThat(deploymentResources(first)).contains("bpmn/cutover-migration.bpmn");
        assertThat(deployments(first)).isEqualTo(1);
      }
      try (ConfigurableApplicationContext second = start(postgres)) {
        assertThat(deployments(second)).isEqualTo(1);
      }
    }
  }

  private static ConfigurableApplicationContext start(PrivatePostgres postgres) {
    return new SpringApplicationBuilder(CutoverApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + postgres.jdbcUrl(),
            "--spring.datasource.username=" + postgres.username(),
            "--spring.datasource.password=" + postgres.password());
  }

  private static long deployments(ConfigurableApplicationContext context) {
    return context
        .getBean(RepositoryService.class)
        .createDeploymentQuery()
        .deploymentName(FolderDeployment.DEPLOYMENT_NAME)
        .count();
  }

  private static java.util.List<String> deploymentResources(
      ConfigurableApplicationContext context) {
    RepositoryService repository = context.getBean(RepositoryService.class);
    return repository
        .createDeploymentQuery()
        .deploymentName(FolderDeployment.DEPLOYMENT_NAME)
        .list()
        .stream()
        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
        .toList();
  }
}
