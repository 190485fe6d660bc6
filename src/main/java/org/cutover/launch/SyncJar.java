package org.cutover.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The sync command's own jar beside an extracted application: the application's classes, started at
 * the command, with a class path of only the libraries the command uses. The build lists them in
 * {@value #LIBRARIES} (pom.xml). The mail library looks up its services in every jar on the class
 * path, which opens each one; with the application's 149 jars (when logback's lookup did the same)
 * that was about 50 ms of a 0.5 s run that finds nothing to copy.
 */
final class SyncJar {

  static final String FILE_NAME = "sync.jar";

  /** Written by the build: the libraries' paths relative to the extracted jar, ';' between. */
  static final String LIBRARIES = "META-INF/cutover/sync-class-path";

  static final String MAIN_CLASS = "org.cutover.cli.SyncCommand";

  private SyncJar() {}

  /**
   * Writes {@value #FILE_NAME} next to {@code appJar}; false (and nothing written) when the jar
   * lists no libraries or one of them was not extracted, so that the command runs on the whole
   * application's class path instead.
   */
  static boolean write(Path appJar) throws IOException {
    Path folder = appJar.getParent();
    try (JarFile app = new JarFile(appJar.toFile())) {
      JarEntry listing = app.getJarEntry(LIBRARIES);
      if (listing == null) {
        return false;
      }
      List<String> libraries = new ArrayList<>();
      try (InputStream in = app.getInputStream(listing)) {
        for (String path : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
          String p = path.trim();
          if (!p.isEmpty()) {
            if (!Files.isRegularFile(folder.resolve(p))) {
              return false;
            }
            libraries.add(p);
          }
        }
      }
      if (libraries.isEmpty()) {
        return false;
      }
      Manifest manifest = new Manifest();
      Attributes main = manifest.getMainAttributes();
      main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
      main.put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
      main.put(Attributes.Name.CLASS_PATH, String.join(" ", libraries));
      Path written = folder.resolve(FILE_NAME + ".part");
      try {
        copyEntries(app, written, manifest);
      } catch (IOException | RuntimeException failed) {
        Files.deleteIfExists(written);
        throw failed;
      }
      Files.move(written, folder.resolve(FILE_NAME));
      return true;
    }
  }

  private static void copyEntries(JarFile app, Path written, Manifest manifest) throws IOException {
    try (OutputStream file = Files.newOutputStream(written);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      Enumeration<JarEntry> entries = app.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (e.getName().equals(JarFile.MANIFEST_NAME) || e.getName().equals("META-INF/")) {
          continue;
        }
        JarEntry copy = new JarEntry(e.getName());
        copy.setTime(e.getTime());
        out.putNextEntry(copy);
        try (InputStream in = app.getInputStream(e)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }
}
