package org.cutover.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncJarTest {

  @TempDir Path app;

  @Test
  void keepsTheClassesAndNamesOnlyTheListedLibraries() throws IOException {
    Path jar = appJar("lib/mail-1.jar;lib/json-2.jar");
    Files.createDirectories(app.resolve("lib"));
    Files.writeString(app.resolve("lib/mail-1.jar"), "");
    Files.writeString(app.resolve("lib/json-2.jar"), "");

    assertThat(SyncJar.write(jar)).isTrue();

    try (JarFile sync = new JarFile(app.resolve(SyncJar.FILE_NAME).toFile())) {
      Attributes main = sync.getManifest().getMainAttributes();
      assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo(SyncJar.MAIN_CLASS);
      assertThat(main.getValue(Attributes.Name.CLASS_PATH))
          .isEqualTo("lib/mail-1.jar lib/json-2.jar");
      assertThat(
              new String(sync.getInputStream(sync.getEntry("org/example/A.class")).readAllBytes()))
          .isEqualTo("class bytes");
    }
  }

  @Test
  void writesNothingWhenAListedLibraryIsMissing() throws IOException {
    Path jar = appJar("lib/mail-1.jar;lib/gone-3.jar");
    Files.createDirectories(app.resolve("lib"));
    Files.writeString(app.resolve("lib/mail-1.jar"), "");

    assertThat(SyncJar.write(jar)).isFalse();
    assertThat(app.resolve(SyncJar.FILE_NAME)).doesNotExist();
  }

  @Test
  void writesNothingForAJarWithoutTheList() throws IOException {
    Path jar = appJar(null);

    assertThat(SyncJar.write(jar)).isFalse();
    assertThat(app.resolve(SyncJar.FILE_NAME)).doesNotExist();
  }

  /** An extracted application jar with a whole-application class path, as Spring Boot writes it. */
  private Path appJar(String libraries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.example.App");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/web-9.jar lib/mail-1.jar");
    Path jar = app.resolve("app.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("org/example/A.class"));
      out.write("class bytes".getBytes(StandardCharsets.UTF_8));
      if (libraries != null) {
        out.putNextEntry(new JarEntry(SyncJar.LIBRARIES));
        out.write(libraries.getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }
}
