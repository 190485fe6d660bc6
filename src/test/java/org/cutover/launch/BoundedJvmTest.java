package org.cutover.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BoundedJvmTest {

  private static final long DEFAULT_HEAP = 6L << 30;

  private static Supplier<ProcessHandle.Info> started(String... arguments) {
    return () ->
        new ProcessHandle.Info() {
          @Override
          public Optional<String> command() {
            return Optional.of("/usr/bin/java");
          }

          @Override
          public Optional<String> commandLine() {
            return Optional.empty();
          }

          @Override
          public Optional<String[]> arguments() {
            return Optional.of(arguments);
          }

          @Override
          public Optional<Instant> startInstant() {
            return Optional.empty();
          }

          @Override
          public Optional<Duration> totalCpuDuration() {
            return Optional.empty();
          }

          @Override
          public Optional<String> user() {
            return Optional.empty();
          }
        };
  }

  @Test
  void startsAPlainJarRunAgainWithABoundedHeapKeepingTheCallersOptions() {
    Optional<List<String>> command =
        BoundedJvm.command(
            started("-Dcutover.sync.log=INFO", "-jar", "cutover.jar", "sync", "--spec", "s.json"),
            DEFAULT_HEAP,
            null);

    assertThat(command)
        .contains(
            List.of(
                "/usr/bin/java",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dcutover.sync.jvm=bounded",
                "-Dcutover.sync.log=INFO",
                "-jar",
                "cutover.jar",
                "sync",
                "--spec",
                "s.json"));
  }

  @Test
  void runsWhereItWasStartedWhenTheHeapWasChosenOrItIsTheBoundedRunItself() {
    assertThat(BoundedJvm.command(started("-Xmx2g", "-jar", "c.jar", "sync"), DEFAULT_HEAP, null))
        .isEmpty();
    assertThat(
            BoundedJvm.command(
                started("-XX:ArchiveClassesAtExit=a.jsa", "-jar", "c.jar", "sync"),
                DEFAULT_HEAP,
                null))
        .isEmpty();
    assertThat(BoundedJvm.command(started("-jar", "c.jar", "sync"), 256L << 20, null)).isEmpty();
    assertThat(BoundedJvm.command(started("-jar", "c.jar", "sync"), DEFAULT_HEAP, "as-is"))
        .isEmpty();
    assertThat(BoundedJvm.command(started("-jar", "c.jar", "sync"), DEFAULT_HEAP, "bounded"))
        .isEmpty();
    assertThat(
            BoundedJvm.command(
                started("-cp", "classes", "org.cutover.CutoverApplication", "sync"),
                DEFAULT_HEAP,
                null))
        .isEmpty();
  }

  @Test
  void anOptionAfterTheJarIsTheCommandsNotTheJvms() {
    assertThat(
            BoundedJvm.command(
                started("-jar", "c.jar", "sync", "--spec", "-Xmx1g.json"), DEFAULT_HEAP, null))
        .isPresent();
  }
}
