package org.cutover.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Makes the bounded JVM start quickly from the packaged jar. Loading classes out of the jars nested
 * in the Spring Boot jar, and verifying them, is most of a short run's CPU: a no-change pass over
 * 20 mailboxes took 0.87 s from the packaged jar, 0.63 s from its extracted form and 0.52 s with a
 * class-data archive as well. So the first run extracts the jar (Spring Boot's own {@code
 * jarmode=tools extract}) into a cache folder of the user's, writes the command's own {@link
 * SyncJar} there, and records the classes it loads in an archive; later runs of the same build
 * start from these. A new build of the jar gets a new entry and the old one is removed once no run
 * uses it. Whatever fails here, the command runs from the packaged jar as before.
 */
final class LaunchCache {

  /** {@code -Dcutover.sync.cache=DIR} names the cache folder; {@code off} turns it off. */
  static final String PROPERTY = "cutover.sync.cache";

  private static final String ARCHIVE = "sync.jsa";
  private static final String SOURCE = "source";
  private static final String IN_USE = "in-use";
  private static final String TRAINING = ".new";
  private static final String EXTRACTING = "extracting-";
  private static final long EXTRACT_TIMEOUT_SECONDS = 300;

  private final Path root;
  private final String java;
  private final Messages messages;

  /** Where the notes for the person running the command go (standard error). */
  interface Messages {
    void note(String text);
  }

  static final Messages STANDARD_ERROR =
      new Messages() {
        @Override
        public void note(String text) {
          System.err.println(text);
        }
      };

  LaunchCache(Path root, String java, Messages messages) {
    this.root = root;
    this.java = java;
    this.messages = messages;
  }

  /**
   * The cache folder: the property's, else {@code $XDG_CACHE_HOME/cutover}, else {@code
   * ~/.cache/cutover}; empty when turned off or there is no home (a shared temporary folder is
   * never used: others could put classes there).
   */
  static Optional<Path> folder(String property, Map<String, String> environment, String home) {
    if (property != null && !property.isBlank()) {
      return property.equals("off") ? Optional.empty() : Optional.of(Path.of(property));
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && xdg.startsWith("/")) {
      return Optional.of(Path.of(xdg, "cutover"));
    }
    if (home == null || home.isBlank() || home.equals("?")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(home, ".cache", "cutover"));
  }

  /** A command to start, and what to keep of its run once it has ended. */
  interface Launch {
    List<String> command();

    /** Called with the exit status when the started JVM has ended. */
    void ended(int status);
  }

  /**
   * The launch of {@code command} (a JVM command line with {@code -jar}): from the extracted jar
   * and the archive where they are ready or can be made, else the command as it is.
   */
  Launch launch(List<String> command) {
    int jarAt = command.indexOf("-jar") + 1;
    if (jarAt == 0 || jarAt >= command.size() || usesOwnArchive(command.subList(0, jarAt))) {
      return unchanged(command);
    }
    try {
      Path jar = Path.of(command.get(jarAt)).toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        return unchanged(command);
      }
      Path entry = root.resolve(entryName(jar));
      Path extracted = entry.resolve("app").resolve(jar.getFileName().toString());
      if (!Files.isRegularFile(extracted) && (!isSpringBootJar(jar) || !extract(jar, entry))) {
        return unchanged(command);
      }
      FileChannel inUse = FileChannel.open(entry.resolve(IN_USE), StandardOpenOption.READ);
      try {
        FileLock shared = inUse.lock(0, Long.MAX_VALUE, true);
        if (!Files.isRegularFile(extracted)) {
          inUse.close(); // removed meanwhile by a run of a newer build
          return unchanged(command);
        }
        return cached(command, jarAt, jar, entry, extracted, shared);
      } catch (IOException | UncheckedIOException | OverlappingFileLockException problem) {
        inUse.close();
        throw problem;
      }
    } catch (IOException | UncheckedIOException | OverlappingFileLockException problem) {
      messages.note(
          "sync: the start-up cache in "
              + root
              + " cannot be used ("
              + problem
              + "); starting from the jar");
      return unchanged(command);
    }
  }

  /** The command started from the entry: with its archive, or training one for a sync run. */
  private Launch cached(
      List<String> command, int jarAt, Path jar, Path entry, Path extracted, FileLock shared)
      throws IOException {
    removeOtherBuilds(jar, entry);
    List<String> started = new ArrayList<>(command.subList(0, jarAt - 1));
    Path archive = entry.resolve(ARCHIVE);
    Path training = null;
    if (Files.isRegularFile(archive)) {
      started.add("-XX:SharedArchiveFile=".concat(archive.toString()));
    } else if (command.subList(jarAt, command.size()).contains("--spec")) {
      removeAbandonedTraining(entry);
      training = entry.resolve(ARCHIVE + "." + ProcessHandle.current().pid() + TRAINING);
      started.add("-XX:ArchiveClassesAtExit=" + training);
    }
    started.add("-Xlog:cds*=off"); // an archive the JVM cannot use is simply not used
    started.add("-jar");
    List<String> arguments = command.subList(jarAt + 1, command.size());
    Path syncJar = extracted.resolveSibling(SyncJar.FILE_NAME);
    if (!arguments.isEmpty() && arguments.get(0).equals("sync") && Files.isRegularFile(syncJar)) {
      started.add(syncJar.toString()); // starts at the command itself: no "sync" argument
      started.addAll(arguments.subList(1, arguments.size()));
    } else {
      started.add(extracted.toString());
      started.addAll(arguments);
    }
    return new CachedLaunch(List.copyOf(started), training, archive, shared);
  }

  private static boolean usesOwnArchive(List<String> options) {
    for (String o : options) {
      if (o.startsWith("-XX:SharedArchiveFile")
          || o.startsWith("-XX:ArchiveClassesAtExit")
          || o.startsWith("-Xshare")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpringBootJar(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest() != null
          && file.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
    }
  }

  /**
   * One entry per build of the jar and per Java runtime: an archive fits only the JVM it was made
   * by. Two checksums of the build's identity make the name; a digest would cost a cold JVM its
   * security providers, and the folder is the user's own.
   */
  static String entryName(Path jar) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
    byte[] identity =
        String.join(
                "\n",
                jar.toString(),
                Long.toString(attributes.size()),
                Long.toString(attributes.lastModifiedTime().toMillis()),
                System.getProperty("java.home"),
                System.getProperty("java.vm.version"))
            .getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(identity);
    CRC32C crcC = new CRC32C();
    crcC.update(identity);
    return "sync-".concat(HexFormat.of().toHexDigits((crc.getValue() << 32) | crcC.getValue()));
  }

  /** Extracts into a folder of its own first, so that a run never sees half an extraction. */
  private boolean extract(Path jar, Path entry) throws IOException {
    Files.createDirectories(root);
    removeAbandonedExtractions();
    messages.note(
        "sync: extracting "
            + jar.getFileName()
            + " into "
            + entry
            + " once, so that later runs start faster (-D"
            + PROPERTY
            + "=off to turn this off)");
    Path work = Files.createTempDirectory(root, EXTRACTING);
    try {
      Process extraction =
          new ProcessBuilder(
                  java,
                  "-XX:TieredStopAtLevel=1",
                  "-Djarmode=tools",
                  "-jar",
                  jar.toString(),
                  "extract",
                  "--destination",
                  work.resolve("app").toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!extraction.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        extraction.destroyForcibly();
        return false;
      }
      if (extraction.exitValue() != 0
          || !Files.isRegularFile(work.resolve("app").resolve(jar.getFileName().toString()))) {
        return false;
      }
      writeSyncJar(work.resolve("app").resolve(jar.getFileName().toString()));
      Files.writeString(work.resolve(SOURCE), jar.toString());
      Files.createFile(work.resolve(IN_USE));
      try {
        Files.move(work, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException otherRunWasFaster) {
        // the other run's extraction is used; ours is removed below
      }
      return Files.isRegularFile(entry.resolve("app").resolve(jar.getFileName().toString()));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      deleteTree(work);
    }
  }

  /** The command's own jar; without it the command starts with the whole application's. */
  private void writeSyncJar(Path extracted) {
    String problem;
    try {
      if (SyncJar.write(extracted)) {
        return;
      }
      problem = "the jar does not list the command's libraries";
    } catch (IOException | UncheckedIOException e) {
      problem = e.toString();
    }
    messages.note(
        "sync: the command starts with the whole application's class path (" + problem + ")");
  }

  /** Extractions whose run was killed (an extraction takes seconds; an hour is surely over). */
  private void removeAbandonedExtractions() throws IOException {
    long hourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
    try (Stream<Path> listed = Files.list(root)) {
      for (Path p : listed.toList()) {
        if (p.getFileName().toString().startsWith(EXTRACTING)
            && Files.getLastModifiedTime(p).toMillis() < hourAgo) {
          deleteTree(p);
        }
      }
    }
  }

  /** Archives of training runs whose starter was killed before it could keep or drop them. */
  private static void removeAbandonedTraining(Path entry) throws IOException {
    try (Stream<Path> listed = Files.list(entry)) {
      for (Path p : listed.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(ARCHIVE + ".") && name.endsWith(TRAINING)) {
          String pid = name.substring(ARCHIVE.length() + 1, name.length() - TRAINING.length());
          if (!pid.chars().allMatch(Character::isDigit)
              || ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  /** Removes the entries of earlier builds of the same jar that no running command uses. */
  private void removeOtherBuilds(Path jar, Path current) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> listed = Files.newDirectoryStream(root)) {
      for (Path p : listed) {
        if (!p.equals(current)) {
          entries.add(p);
        }
      }
    }
    for (Path other : entries) {
      Path source = other.resolve(SOURCE);
      if (!Files.isRegularFile(source) || !Files.readString(source).equals(jar.toString())) {
        continue;
      }
      try (FileChannel inUse =
              FileChannel.open(
                  other.resolve(IN_USE), StandardOpenOption.READ, StandardOpenOption.WRITE);
          FileLock unused = inUse.tryLock()) {
        if (unused != null) {
          deleteTree(other);
        }
      } catch (IOException | OverlappingFileLockException inUseOrGone) {
        // left for a later run
      }
    }
  }

  private static void deleteTree(Path tree) {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(tree)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException leftBehind) {
                  // a later run tries again
                }
              });
    } catch (IOException | UncheckedIOException leftBehind) {
      // a later run tries again
    }
  }

  /** The command as it is. */
  static Launch unchanged(List<String> command) {
    return new Launch() {
      @Override
      public List<String> command() {
        return command;
      }

      @Override
      public void ended(int status) {}
    };
  }

  /** A start from the cache; a training run's archive is kept when the command did its work. */
  private record CachedLaunch(List<String> command, Path training, Path archive, FileLock inUse)
      implements Launch {

    @Override
    public void ended(int status) {
      try {
        if (training != null && Files.isRegularFile(training)) {
          if (status == 0 || status == 1) { // the sync ran (2: the spec could not be used)
            // a rename: a run that has the archive open keeps the one it opened
            Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE);
          }
          Files.deleteIfExists(training);
        }
      } catch (IOException notKept) {
        // the next run trains again
      } finally {
        try {
          inUse.channel().close();
        } catch (IOException ignored) {
          // closing releases the lock; nothing else depends on it
        }
      }
    }
  }
}
