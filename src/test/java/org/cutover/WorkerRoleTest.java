package org.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/** The worker profile starts the sync worker and what its passes need, nothing of a node. */
class WorkerRoleTest {

  private static final String NODE_REST_API = "http://127.0.0.1:1/engine-rest";

  @Test
  void theWorkerProfileStartsTheSyncWorkerWithoutEngineWebServerOrRestApi() {
    String url = migratedDatabase();

    try (ConfigurableApplicationContext worker = startWorker(url)) {
      assertThat(worker).isNotInstanceOf(WebServerApplicationContext.class);
      assertThat(worker.getBeanNamesForType(ProcessEngine.class)).isEmpty();
      assertThat(worker.getBeanNamesForType(RuntimeService.class)).isEmpty();
      assertThat(
              worker.getBeansWithAnnotation(
                  org.springframework.web.bind.annotation.RestController.class))
          .isEmpty();
      assertThat(worker.getBean("syncWorkerLoop", SmartLifecycle.class).isRunning()).isTrue();
      assertThat(worker.getBean(org.cutover.migration.MailboxSyncRunner.class)).isNotNull();
    }
  }

  @Test
  void theWorkerRefusesADatabaseWhoseSchemaItDoesNotKnowAndChangesNothing() {
    String url = "jdbc:h2:mem:worker-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    assertThatThrownBy(() -> startWorker(url).close())
        .hasStackTraceContaining("this worker knows")
        .hasStackTraceContaining("start the nodes of this version first");
    assertThat(
            Flyway.configure()
                .dataSource(url, "sa", "")
                .table("cutover_schema_history")
                .load()
                .info()
                .applied())
        .as("migrations applied by the worker")
        .isEmpty();
  }

  private static ConfigurableApplicationContext startWorker(String url) {
    return new SpringApplicationBuilder(CutoverApplication.class)
        .profiles("worker", "test")
        .run(
            "--spring.main.banner-mode=off",
            "--spring.datasource.url=" + url,
            "--cutover.worker.enabled=true",
            "--cutover.worker.engine-rest-url=" + NODE_REST_API);
  }

  /** A database with Cutover's schema, as the nodes leave it. */
  private static String migratedDatabase() {
    String url = "jdbc:h2:mem:worker-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .table("cutover_schema_history")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return url;
  }
}
