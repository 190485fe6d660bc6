package org.cutover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package table of docs/architecture.md, read as rules: each row names a package below {@code
 * org.cutover} and, in its last column, the packages it may depend on. A package without a row of
 * its own follows the row of the nearest package above it, so a new sub-package of {@code
 * migration} has the rules of {@code migration} until it gets a row. Two sentences below the table
 * name, before their colon, the packages that may use Camunda and those that stay free of Spring.
 */
record PackageTable(
    Map<String, Set<String>> mayDependOn, Set<String> camundaPackages, Set<String> springFree) {

  static final String ROOT = "org.cutover";
  static final Path DOCUMENT = Path.of("docs/architecture.md");

  private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

  static PackageTable read() {
    try {
      return parse(Files.readAllLines(DOCUMENT));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DOCUMENT, e);
    }
  }

  static PackageTable parse(List<String> lines) {
    Map<String, Set<String>> rows = new LinkedHashMap<>();
    Set<String> camunda = null;
    Set<String> springFree = null;
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.startsWith("## Packages");
        continue;
      }
      if (!inSection) {
        continue;
      }
      if (line.startsWith("| `")) {
        String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
        String name = quoted(cells[0]).get(0);
        Set<String> uses = new LinkedHashSet<>(quoted(cells[cells.length - 1]));
        if (rows.put(name, uses) != null) {
          throw new IllegalStateException(DOCUMENT + " has two rows for `" + name + "`");
        }
      } else if (line.startsWith("Camunda types stay in")) {
        camunda = new LinkedHashSet<>(quoted(beforeColon(line)));
      } else if (line.startsWith("Spring stays out of")) {
        springFree = new LinkedHashSet<>(quoted(beforeColon(line)));
      }
    }
    if (rows.isEmpty() || camunda == null || springFree == null) {
      throw new IllegalStateException(
          DOCUMENT
              + " must have the package table under \"## Packages\" and the sentences"
              + " \"Camunda types stay in ...\" and \"Spring stays out of ...\" below it");
    }
    return new PackageTable(rows, camunda, springFree);
  }

  /** The packages a sentence names come before its colon; the reason follows it. */
  private static String beforeColon(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? line : line.substring(0, colon);
  }

  private static List<String> quoted(String text) {
    List<String> names = new ArrayList<>();
    Matcher matcher = QUOTED.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1).strip());
    }
    return names;
  }

  /**
   * The full name of a package the table names: {@code process} or the root {@code org.cutover}.
   */
  static String fullName(String name) {
    return name.equals(ROOT) ? ROOT : ROOT + "." + name;
  }

  /** The row a Java package follows: its own, else the nearest package above it that has one. */
  Optional<String> rowOf(String javaPackage) {
    if (javaPackage.equals(ROOT)) {
      return mayDependOn.containsKey(ROOT) ? Optional.of(ROOT) : Optional.empty();
    }
    String best = null;
    for (String row : mayDependOn.keySet()) {
      if (!row.equals(ROOT)
          && within(javaPackage, fullName(row))
          && (best == null || row.length() > best.length())) {
        best = row;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The package itself or one of its sub-packages. */
  static boolean within(String javaPackage, String packageName) {
    return javaPackage.equals(packageName) || javaPackage.startsWith(packageName + ".");
  }
}
