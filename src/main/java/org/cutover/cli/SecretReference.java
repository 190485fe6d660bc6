package org.cutover.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cutover.mailsync.SecretSupplier;

/**
 * Where a password or token is kept: a file (its first line, relative paths from the spec's folder)
 * or an environment variable. Never the spec or the command line itself.
 */
record SecretReference(String file, String env) {

  /** Checks that the secret can be read now, and returns a supplier that reads it when needed. */
  SecretSupplier open(String where, Path specFolder, Map<String, String> environment) {
    if ((file == null) == (env == null)) {
      throw new SpecProblem(where + ": give exactly one of \"file\" or \"env\"");
    }
    if (env != null) {
      String value = environment.get(env);
      if (value == null || value.isEmpty()) {
        throw new SpecProblem(where + ": the environment variable " + env + " is not set");
      }
      return value::toCharArray;
    }
    Path path = specFolder.resolve(file);
    if (!Files.isReadable(path)) {
      throw new SpecProblem(where + ": cannot read the file " + path);
    }
    return () -> firstLine(where, path).toCharArray();
  }

  private static String firstLine(String where, Path path) {
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String line = end < 0 ? text : text.substring(0, end);
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    } catch (IOException unreadable) {
      throw new SpecProblem(where + ": cannot read the file " + path + " (" + unreadable + ")");
    }
  }
}
