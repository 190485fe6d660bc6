package org.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The jar every node runs holds the application and the libraries it runs on, each once, and
 * nothing of the demo (src/demo), which runs only from a source checkout.
 */
class ProductionJarIT {

  private static final String LIB = "BOOT-INF/lib/";

  @Test
  void holdsNothingOfTheDemo() throws IOException {
    try (JarFile jar = new JarFile(PackagedJar.path().toFile())) {
      List<String> demo =
          jar.stream()
              .map(JarEntry::getName)
              .filter(
                  name ->
                      name.startsWith("BOOT-INF/classes/org/cutover/demo/")
                          || name.startsWith("BOOT-INF/classes/demo/")
                          || name.equals("BOOT-INF/classes/application-demo.yml")
                          || name.startsWith(LIB + "greenmail"))
              .toList();

      assertThat(demo).as("the demo's classes, resources and servers in the jar").isEmpty();
    }
  }

  @Test
  void keepsTheEmbeddedDefaultDatabase() throws IOException {
    try (JarFile jar = new JarFile(PackagedJar.path().toFile())) {
      assertThat(libraries(jar)).anyMatch(name -> name.startsWith(LIB + "h2-"));
    }
  }

  @Test
  void holdsEachClassInOneLibraryOnly() throws IOException {
    Map<String, Set<String>> librariesOfClass = new TreeMap<>();
    try (JarFile jar = new JarFile(PackagedJar.path().toFile())) {
      for (String library : libraries(jar)) {
        try (InputStream nested = jar.getInputStream(jar.getJarEntry(library));
            JarInputStream classes = new JarInputStream(nested)) {
          for (JarEntry entry = classes.getNextJarEntry();
              entry != null;
              entry = classes.getNextJarEntry()) {
            String name = entry.getName();
            // module descriptors and multi-release variants are per library by nature
            if (name.endsWith(".class")
                && !name.startsWith("META-INF/")
                && !name.endsWith("module-info.class")) {
              librariesOfClass
                  .computeIfAbsent(name, key -> new TreeSet<>())
                  .add(library.substring(LIB.length()));
            }
          }
        }
      }
    }
    Map<String, Set<String>> inSeveral =
        librariesOfClass.entrySet().stream()
            .filter(entry -> entry.getValue().size() > 1)
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));

    assertThat(librariesOfClass).isNotEmpty();
    assertThat(inSeveral)
        .as("classes that more than one library of the jar holds (exclude the second copy)")
        .isEmpty();
  }

  private static List<String> libraries(JarFile jar) {
    return jar.stream()
        .map(JarEntry::getName)
        .filter(name -> name.startsWith(LIB) && name.endsWith(".jar"))
        .toList();
  }
}
