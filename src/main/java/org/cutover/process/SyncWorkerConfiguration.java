package org.cutover.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.cutover.WorkerRolePart;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's sync worker: tasks from this process's engine, or from the REST API at {@code
 * cutover.worker.engine-rest-url}; off with {@code cutover.worker.enabled=false}.
 */
@WorkerRolePart
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncWorkerProperties.class)
class SyncWorkerConfiguration {

  @Bean
  @ConditionalOnProperty(name = "cutover.worker.enabled", matchIfMissing = true)
  SyncWorkerLoop syncWorkerLoop(
      SyncWorkerProperties properties,
      MailboxSyncWorker worker,
      WorkerIdentity identity,
      ObjectProvider<ProcessEngine> engine,
      ObjectProvider<ObjectMapper> json) {
    TaskSource source;
    if (properties.remote()) {
      // A remote worker has a configured password: engine.WorkerPassword refuses to start
      // without it.
      source =
          new RestTaskSource(
              HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
              json.getIfAvailable(ObjectMapper::new),
              properties.engineRestUrl(),
              properties.user(),
              properties.password(),
              properties.headers(),
              identity.id(),
              properties.longPoll(),
              Clock.systemUTC());
    } else {
      source =
          new EngineTaskSource(
              engine.getObject().getExternalTaskService(),
              identity.id(),
              properties.pollInterval(),
              Clock.systemUTC());
    }
    return new SyncWorkerLoop(source, worker, properties.maxConcurrentMailboxes());
  }
}
