package org.cutover.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.cutover.PackagedJar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up cache with the packaged jar: extraction, archive training, builds replaced. */
class LaunchCacheIT {

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** The sync command's exit statuses: every mailbox synced, a spec it could not use. */
  private static final int COMPLETE = 0;

  private static final int UNUSABLE = 2;

  @TempDir Path work;

  private Path jar;
  private Path cache;
  private final List<String> notes = new ArrayList<>();

  @BeforeEach
  void copyOfThePackagedJar() throws IOException {
    jar = work.resolve("cutover.jar");
    Files.copy(PackagedJar.path(), jar);
    cache = work.resolve("cache");
  }

  @Test
  void theFirstRunExtractsAndTrainsAndLaterRunsStartFromTheArchive() throws IOException {
    LaunchCache.Launch first = cache().launch(command("sync", "--spec", "s.json"));

    Path extracted = onlyEntry().resolve("app").resolve("cutover.jar");
    assertThat(extracted).isRegularFile();
    assertThat(onlyEntry().resolve("app").resolve("lib")).isDirectory();
    assertThat(notes).singleElement().asString().contains("extracting cutover.jar");
    String training = option(first.command(), "-XX:ArchiveClassesAtExit=");
    Path syncJar = onlyEntry().resolve("app").resolve(SyncJar.FILE_NAME);
    assertThat(first.command())
        .startsWith(JAVA, "-Xmx256m")
        .endsWith("-Xlog:cds*=off", "-jar", syncJar.toString(), "--spec", "s.json");
    try (JarFile sync = new JarFile(syncJar.toFile())) {
      Attributes main = sync.getManifest().getMainAttributes();
      assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo(SyncJar.MAIN_CLASS);
      assertThat(main.getValue(Attributes.Name.CLASS_PATH).split(" "))
          .hasSizeBetween(5, 20)
          .allSatisfy(lib -> assertThat(extracted.resolveSibling(lib)).isRegularFile())
          .anySatisfy(lib -> assertThat(lib).startsWith("lib/angus-mail-"))
          .noneSatisfy(lib -> assertThat(lib).contains("camunda"));
      assertThat(sync.getEntry("org/cutover/cli/SyncCommand.class")).isNotNull();
    }

    Files.writeString(Path.of(training), "an archive"); // what the JVM writes as it ends
    first.ended(COMPLETE);
    assertThat(onlyEntry().resolve("sync.jsa")).hasContent("an archive");
    assertThat(Path.of(training)).doesNotExist();

    LaunchCache.Launch second = cache().launch(command("sync", "--spec", "s.json"));
    assertThat(option(second.command(), "-XX:SharedArchiveFile="))
        .isEqualTo(onlyEntry().resolve("sync.jsa").toString());
    assertThat(second.command()).doesNotContain("-XX:ArchiveClassesAtExit=" + training);
    assertThat(notes).hasSize(1); // extracted once
    second.ended(COMPLETE);
  }

  @Test
  void aTrainingRunThatCouldNotUseTheSpecKeepsNoArchive() throws IOException {
    LaunchCache.Launch refused = cache().launch(command("sync", "--spec", "s.json"));
    Path training = Path.of(option(refused.command(), "-XX:ArchiveClassesAtExit="));
    Files.writeString(training, "classes of a run that only read a bad spec");

    refused.ended(UNUSABLE);

    assertThat(training).doesNotExist();
    assertThat(onlyEntry().resolve("sync.jsa")).doesNotExist();
    LaunchCache.Launch help = cache().launch(command("sync", "--help"));
    assertThat(String.join(" ", help.command())).doesNotContain("ArchiveClassesAtExit");
    help.ended(COMPLETE);
  }

  @Test
  void aNewBuildGetsItsOwnEntryAndTheOldOneGoesWhenNoRunUsesIt() throws IOException {
    cache().launch(command("sync", "--spec", "s.json")).ended(COMPLETE);
    Path oldBuild = onlyEntry();

    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    LaunchCache.Launch running = cache().launch(command("sync", "--spec", "s.json"));
    assertThat(entries()).hasSize(1).doesNotContain(oldBuild);
    Path newBuild = entries().get(0);

    // while a run of this build is going on, a newer build leaves its entry alone
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    LaunchCache.Launch newest = cache().launch(command("sync", "--spec", "s.json"));
    assertThat(entries()).hasSize(2).contains(newBuild);
    running.ended(COMPLETE);
    newest.ended(COMPLETE);
  }

  @Test
  void leavesTheCommandAloneWhenItCannotHelp() throws IOException {
    List<String> ownArchive =
        List.of(JAVA, "-XX:SharedArchiveFile=/elsewhere.jsa", "-jar", jar.toString(), "sync");
    assertThat(cache().launch(ownArchive).command()).isEqualTo(ownArchive);

    Path plainJar = work.resolve("plain.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(plainJar))) {
      out.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
    }
    List<String> notSpringBoot = List.of(JAVA, "-jar", plainJar.toString(), "sync");
    assertThat(cache().launch(notSpringBoot).command()).isEqualTo(notSpringBoot);

    Files.createDirectories(work.resolve("readonly"));
    Path blocked = work.resolve("readonly").resolve("file-not-folder");
    Files.writeString(blocked, "");
    List<String> command = command("sync", "--spec", "s.json");
    assertThat(new LaunchCache(blocked, JAVA, notes::add).launch(command).command())
        .isEqualTo(command);
    assertThat(notes)
        .last()
        .asString()
        .contains("cannot be used")
        .contains("starting from the jar");
  }

  @Test
  void findsTheUsersCacheFolder() {
    assertThat(LaunchCache.folder("/x/cache", Map.of(), "/home/a")).contains(Path.of("/x/cache"));
    assertThat(LaunchCache.folder("off", Map.of(), "/home/a")).isEmpty();
    assertThat(LaunchCache.folder(null, Map.of("XDG_CACHE_HOME", "/var/c"), "/home/a"))
        .contains(Path.of("/var/c/cutover"));
    assertThat(LaunchCache.folder(null, Map.of("XDG_CACHE_HOME", "relative"), "/home/a"))
        .contains(Path.of("/home/a/.cache/cutover"));
    assertThat(LaunchCache.folder(null, Map.of(), "?")).isEmpty();
  }

  private LaunchCache cache() {
    return new LaunchCache(cache, JAVA, notes::add);
  }

  private List<String> command(String... arguments) {
    List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-jar", jar.toString()));
    command.addAll(List.of(arguments));
    return command;
  }

  private static String option(List<String> command, String prefix) {
    return command.stream()
        .filter(o -> o.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError(prefix + " missing from " + command))
        .substring(prefix.length());
  }

  private Path onlyEntry() throws IOException {
    List<Path> entries = entries();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> listed = Files.list(cache)) {
      return listed.filter(p -> p.getFileName().toString().startsWith("sync-")).sorted().toList();
    }
  }
}
