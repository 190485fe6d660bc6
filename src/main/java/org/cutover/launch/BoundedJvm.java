package org.cutover.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Runs the sync command in a JVM of bounded size when it was started with the JVM's default heap.
 * On a large machine the default is a quarter of its memory, and the collector then grows the
 * process to over half a gigabyte for a copy that needs a fraction of it; the sync command needs a
 * small heap, a simple collector and quick compilation. So {@code java -jar cutover.jar sync}
 * without heap options starts the same command again with those options and waits for it, passing
 * standard input and output through and ending with its exit status. Given any heap option (or
 * {@code -Dcutover.sync.jvm=as-is}), the command runs in the JVM it was started in.
 *
 * <p>The starting JVM runs without a class-data archive of these classes, so what it runs is
 * written without lambdas, streams and string concatenation: the first use of each costs a cold JVM
 * several milliseconds of bootstrapping, which every run of the command would wait for.
 */
public final class BoundedJvm {

  /** The options the command runs with, as README.md shows them. */
  static final List<String> OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** Marks the bounded JVM, so that it neither starts another nor outlives its starter. */
  private static final String BOUNDED = "-Dcutover.sync.jvm=bounded";

  /** A heap this large means nobody chose it: the JVM's default on a machine with over 4 GB. */
  private static final long DEFAULT_SIZED_HEAP = 1L << 30;

  private BoundedJvm() {}

  /**
   * Runs the sync command in a bounded JVM when this one was started with the JVM's default heap,
   * from the user's start-up cache where it can be used, and returns that JVM's exit status; empty
   * when the command is to run in this JVM.
   */
  public static OptionalInt runElsewhere() {
    String jvm = System.getProperty("cutover.sync.jvm");
    if ("as-is".equals(jvm) || "bounded".equals(jvm)) {
      return OptionalInt.empty(); // before anything else: this is also the command's own first step
    }
    Optional<List<String>> bounded = command(CURRENT, Runtime.getRuntime().maxMemory(), jvm);
    if (bounded.isEmpty()) {
      return OptionalInt.empty();
    }
    List<String> command = bounded.get();
    LaunchCache.Launch launch = LaunchCache.unchanged(command);
    Optional<Path> folder =
        LaunchCache.folder(
            System.getProperty(LaunchCache.PROPERTY),
            System.getenv(),
            System.getProperty("user.home"));
    if (folder.isPresent()) {
      launch =
          new LaunchCache(folder.get(), command.get(0), LaunchCache.STANDARD_ERROR).launch(command);
    }
    try {
      return OptionalInt.of(run(launch));
    } catch (IOException | InterruptedException cannotStart) {
      System.err.println(
          "sync: could not start the command with a bounded heap ("
              + cannotStart
              + "); running it here");
      System.setProperty("cutover.sync.jvm", "as-is"); // the command's own check need not try again
      return OptionalInt.empty();
    }
  }

  /** This process's command line, read from the system only when asked. */
  private static final Supplier<ProcessHandle.Info> CURRENT =
      new Supplier<>() {
        @Override
        public ProcessHandle.Info get() {
          return ProcessHandle.current().info();
        }
      };

  /**
   * The command line to start the bounded JVM with, or empty when this JVM is to run the command.
   */
  static Optional<List<String>> command(
      Supplier<ProcessHandle.Info> started, long maxHeap, String jvmProperty) {
    if ("as-is".equals(jvmProperty)
        || "bounded".equals(jvmProperty)
        || maxHeap < DEFAULT_SIZED_HEAP) {
      return Optional.empty();
    }
    ProcessHandle.Info self = started.get(); // read from /proc only when it may matter
    if (self.command().isEmpty() || self.arguments().isEmpty()) {
      return Optional.empty();
    }
    List<String> arguments = List.of(self.arguments().get());
    for (String a : arguments) {
      if (a.equals("-jar") || !a.startsWith("-")) {
        break; // the JVM's own options end here
      }
      if (a.startsWith("-Xmx")
          || a.startsWith("-XX:MaxHeapSize")
          || a.startsWith("-XX:MaxRAM")
          || a.startsWith("-XX:ArchiveClassesAtExit")) {
        return Optional.empty();
      }
    }
    if (!arguments.contains("-jar")) {
      return Optional.empty(); // started from a class path (tests, an IDE): left as it is
    }
    List<String> command = new ArrayList<>();
    command.add(self.command().get());
    command.addAll(OPTIONS);
    command.add(BOUNDED);
    command.addAll(arguments); // the caller's own options come after ours and win
    return Optional.of(command);
  }

  /**
   * Runs the command in the bounded JVM and returns its exit status. If this process is ended, the
   * other one is ended with it.
   */
  static int run(LaunchCache.Launch launch) throws IOException, InterruptedException {
    Process child = new ProcessBuilder(launch.command()).inheritIO().start();
    Thread stopChild =
        new Thread("sync-stop") {
          @Override
          public void run() {
            child.destroy();
          }
        };
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      int status = child.waitFor();
      launch.ended(status);
      return status;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs and ends the child
      }
    }
  }

  /**
   * In the bounded JVM (else nothing): ends it when the process that started it is gone (killed
   * outright, which leaves it no chance to end this one), so that no copy goes on that nobody waits
   * for.
   */
  public static void endWithStarter() {
    if (!"bounded".equals(System.getProperty("cutover.sync.jvm"))) {
      return;
    }
    Optional<Long> parent = ProcessHandle.current().parent().map(ProcessHandle::pid);
    if (parent.isEmpty()) {
      return;
    }
    // A process whose parent ends is handed to another at once, even while the dead parent waits
    // to be reaped: a new parent id is the sure sign.
    Thread watch =
        new Thread(
            () -> {
              while (ProcessHandle.current().parent().map(ProcessHandle::pid).equals(parent)) {
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
              Runtime.getRuntime().halt(1); // the sync command's status for an incomplete run
            },
            "sync-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
