package org.cutover.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The demo profile's directory, for directory discovery in the walkthrough. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@EnableConfigurationProperties(DemoDirectoryConfiguration.DemoDirectoryProperties.class)
class DemoDirectoryConfiguration {

  /**
   * Configuration {@code cutover.demo.directory.*}.
   *
   * @param port the LDAP port (no TLS; loopback only by cutover.demo.address)
   * @param readerPassword the password of the reading account cn=cutover-reader,dc=contoso,dc=test
   */
  @ConfigurationProperties("cutover.demo.directory")
  record DemoDirectoryProperties(
      @DefaultValue("3389") int port,
      @DefaultValue("contoso-demo-directory") String readerPassword) {}

  @Bean(destroyMethod = "close")
  DemoDirectory demoDirectory(DemoProperties demo, DemoDirectoryProperties directory) {
    return DemoDirectory.start(demo.address(), directory.port(), directory.readerPassword());
  }
}
