package org.cutover;

import java.util.List;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Leaves out of the worker role ({@value #PROFILE} profile) every component that needs the engine,
 * the web server or the demo: the classes of {@code process}, {@code camunda}, {@code api}, {@code
 * dashboard} and {@code demo} that are not {@link WorkerRolePart}. The rest (our tables, the sync
 * engine, the secret store, the targets) is the same as on a full node.
 */
public final class WorkerRoleScan implements TypeFilter, EnvironmentAware {

  /** The profile that starts the sync worker alone. */
  public static final String PROFILE = "worker";

  private static final List<String> ENGINE_BOUND =
      List.of(
          "org.cutover.process.",
          "org.cutover.camunda.",
          "org.cutover.api.",
          "org.cutover.dashboard.",
          "org.cutover.demo.");

  private boolean workerRole;

  @Override
  public void setEnvironment(Environment environment) {
    workerRole = environment.matchesProfiles(PROFILE);
  }

  @Override
  public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
    if (!workerRole) {
      return false;
    }
    String name = reader.getClassMetadata().getClassName();
    return ENGINE_BOUND.stream().anyMatch(name::startsWith)
        && !reader.getAnnotationMetadata().hasAnnotation(WorkerRolePart.class.getName());
  }
}
