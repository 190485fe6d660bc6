package org.cutover.launch;

import java.lang.reflect.InvocationTargetException;
import java.util.OptionalInt;

/**
 * The packaged jar's entry point. {@code java -jar cutover.jar sync ...} started with the JVM's
 * default heap goes straight to the bounded JVM from here, without first opening the jars nested in
 * the packaged jar (Spring Boot's launcher costs such a start about 0.17 s of CPU, more than the
 * JVM itself); everything else goes to Spring Boot's launcher as before.
 */
public final class JarMain {

  /** The launcher Spring Boot's packaging would have named as the jar's entry point. */
  private static final String SPRING_BOOT_LAUNCHER =
      "org.springframework.boot.loader.launch.JarLauncher";

  private JarMain() {}

  public static void main(String[] args) throws Throwable {
    if (args.length > 0 && args[0].equals("sync")) {
      OptionalInt elsewhere = BoundedJvm.runElsewhere();
      if (elsewhere.isPresent()) {
        System.exit(elsewhere.getAsInt());
      }
    }
    try {
      Class.forName(SPRING_BOOT_LAUNCHER)
          .getMethod("main", String[].class)
          .invoke(null, (Object) args);
    } catch (InvocationTargetException failed) {
      throw failed.getCause();
    }
  }
}
