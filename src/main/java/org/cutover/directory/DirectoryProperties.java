package org.cutover.directory;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration {@code cutover.directory.*}.
 *
 * @param trustStore PEM file of the certificates trusted for LDAPS and StartTLS (a company CA);
 *     none: the JVM's trusted authorities. Host names are always checked.
 * @param timeout how long connecting, binding and each page of the search may take
 * @param pageSize entries asked for per page (AD returns at most 1000 per page)
 * @param maxEntries the most entries one discovery reads
 */
@ConfigurationProperties("cutover.directory")
public record DirectoryProperties(
    Path trustStore,
    @DefaultValue("30s") Duration timeout,
    @DefaultValue("500") int pageSize,
    @DefaultValue("20000") int maxEntries) {

  public DirectoryProperties {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException(
          "cutover.directory.page-size must be 1 to 1000; got " + pageSize);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException(
          "cutover.directory.max-entries must be at least 1; got " + maxEntries);
    }
  }
}
