package org.cutover.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.cutover.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's entry point: the sync command and the application both start through it. */
class JarMainIT {

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path work;

  @Test
  void thePackagedJarStartsThroughJarMain() throws IOException {
    try (JarFile jar = new JarFile(PackagedJar.path().toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(JarMain.class.getName());
      assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
          .isEqualTo("org.cutover.CutoverApplication");
      assertThat(jar.getEntry("org/cutover/launch/JarMain.class")).isNotNull();
    }
  }

  @Test
  void theSyncCommandAnswersThroughIt() throws Exception {
    Result help = run(List.of("sync", "--help"));

    assertThat(help.status()).as(help.output()).isZero();
    assertThat(help.output()).contains("Usage: java -jar cutover.jar sync --spec FILE");
  }

  @Test
  void theApplicationStartsThroughSpringBootsLauncher() throws Exception {
    // Without its secrets key the application stops at once, with Spring Boot's failure report:
    // proof enough that it was started, nested jars and all.
    Result app = run(List.of("--spring.main.banner-mode=off", "--server.port=0"));

    assertThat(app.status()).as(app.output()).isNotZero();
    assertThat(app.output())
        .contains("Starting CutoverApplication")
        .contains("cutover.secrets.key is not set");
  }

  private record Result(int status, String output) {}

  private Result run(List<String> arguments) throws Exception {
    List<String> command =
        Stream.concat(Stream.of(JAVA, "-jar", PackagedJar.path().toString()), arguments.stream())
            .toList();
    Path log = work.resolve("out.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("CUTOVER_SECRETS_KEY");
    builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
    Process process = builder.start();
    // The process's end is the event; the bound only keeps a hung start from hanging the build,
    // so it is far above what a busy machine needs.
    boolean ended = process.waitFor(15, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    assertThat(ended)
        .as(
            "ended within 15 minutes; output so far:%n%s",
            Files.readString(log, StandardCharsets.UTF_8))
        .isTrue();
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
