package org.cutover.demo;

import jakarta.mail.MessagingException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The demo profile's mail servers, seeded, and the start-up line that says what to run. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

  @Bean(destroyMethod = "close")
  DemoMailServers demoMailServers(DemoProperties properties) throws MessagingException {
    DemoMailServers servers = new DemoMailServers(properties);
    servers.start();
    try {
      if (properties.seed()) {
        new DemoMailboxSeed(properties).seedEmptyMailboxes();
      }
    } catch (MessagingException | RuntimeException e) {
      servers.close();
      throw e;
    }
    return servers;
  }

  @Bean
  DemoReadyLine demoReadyLine(DemoMailServers servers) {
    // Beside the demo's H2 database (./data): a request for other ports than the shipped file's.
    return new DemoReadyLine(
        servers.properties(),
        new DemoRequestFile(servers.properties(), java.nio.file.Path.of("data")));
  }
}
