package org.cutover.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.cutover.cli.SyncCommand;
import org.junit.jupiter.api.Test;

/**
 * The sync command starts from its cache with a class path of only the libraries the build lists
 * (pom.xml, {@link SyncJar#LIBRARIES}). A class of the command using anything else would fail with
 * NoClassDefFoundError in the middle of a run, so every class the command can reach is checked
 * here, with the JDK's own dependency analyser, against that list.
 */
class SyncClassPathTest {

  private static final Set<String> COMMAND_PACKAGES =
      Set.of("org.cutover.cli", "org.cutover.launch");

  @Test
  void everyClassTheCommandCanReachComesFromTheJdkTheApplicationOrTheListedLibraries()
      throws Exception {
    List<String> listed = listedLibraries();
    Path classes =
        Path.of(SyncCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, List<String[]>> uses = dependencies(classes);

    Set<String> reached = new HashSet<>();
    Deque<String> next = new ArrayDeque<>();
    for (String c : uses.keySet()) {
      if (COMMAND_PACKAGES.contains(c.substring(0, c.lastIndexOf('.')))) {
        next.add(c);
      }
    }
    Set<String> outside = new TreeSet<>();
    while (!next.isEmpty()) {
      String c = next.poll();
      if (!reached.add(c)) {
        continue;
      }
      for (String[] use : uses.getOrDefault(c, List.of())) {
        String target = use[0];
        String location = use[1];
        if (location.equals(classes.getFileName().toString())) {
          next.add(target);
        } else if (!isJdkModule(location) && !listed.contains(location)) {
          outside.add(c + " uses " + target + " (" + location + ")");
        }
      }
    }

    assertThat(reached).contains(SyncJar.MAIN_CLASS, "org.cutover.mailsync.MailboxSynchronizer");
    assertThat(outside)
        .as(
            "classes the sync command reaches but its class path would not have: add the library"
                + " to the sync-class-path list in pom.xml, or keep the class out of the command")
        .isEmpty();
  }

  @Test
  void theListNamesLibrariesTheApplicationShips() throws Exception {
    List<String> listed = listedLibraries();
    Set<String> shipped = new HashSet<>();
    for (String entry : testClassPath()) {
      shipped.add(Path.of(entry).getFileName().toString());
    }

    assertThat(listed).hasSizeGreaterThan(5);
    assertThat(shipped).containsAll(listed);
  }

  /** The listed libraries' file names. */
  private static List<String> listedLibraries() throws Exception {
    List<String> out = new ArrayList<>();
    try (InputStream in = SyncJar.class.getClassLoader().getResourceAsStream(SyncJar.LIBRARIES)) {
      assertThat(in).as(SyncJar.LIBRARIES + " is written by the build").isNotNull();
      for (String p : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
        if (!p.isBlank()) {
          out.add(Path.of(p.trim()).getFileName().toString());
        }
      }
    }
    return out;
  }

  /** Class by class, what each application class uses: {used class, where it is found}. */
  private static Map<String, List<String[]>> dependencies(Path classes) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:class",
            "-filter:none", // also uses within one package
            "--multi-release",
            "17",
            "-cp",
            String.join(File.pathSeparator, testClassPath()),
            classes.toString());
    assertThat(status).as(err.toString()).isZero();
    Map<String, List<String[]>> uses = new HashMap<>();
    for (String line : out.toString().split("\n")) {
      String[] w = line.trim().split("\\s+");
      if (line.startsWith(" ") && w.length >= 4 && w[1].equals("->")) {
        String location = String.join(" ", List.of(w).subList(3, w.length));
        uses.computeIfAbsent(w[0], k -> new ArrayList<>()).add(new String[] {w[2], location});
      }
    }
    return uses;
  }

  private static boolean isJdkModule(String location) {
    return location.startsWith("java.") || location.startsWith("jdk.");
  }

  private static List<String> testClassPath() {
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> out = new ArrayList<>();
    for (String p : path.split(File.pathSeparator)) {
      if (p.endsWith(".jar")) {
        out.add(p);
      }
    }
    return out;
  }
}
