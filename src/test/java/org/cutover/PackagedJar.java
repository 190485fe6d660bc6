package org.cutover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The executable jar the build packaged before the integration tests. */
public final class PackagedJar {

  private PackagedJar() {}

  public static Path path() throws IOException {
    try (Stream<Path> jars = Files.list(Path.of("target"))) {
      return jars.filter(p -> p.getFileName().toString().matches("cutover-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("run the package phase first"))
          .toAbsolutePath();
    }
  }
}
