package org.cutover.migration;

import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The worker role uses our tables but never changes their schema: the nodes migrate it. At start-up
 * it only checks that the database holds exactly the schema this version knows, so a worker of
 * another version than the nodes stops at once instead of failing in its first pass (and its
 * database account needs no right to create or alter tables).
 */
@Configuration(proxyBeanMethods = false)
@Profile(org.cutover.WorkerRoleScan.PROFILE)
class WorkerRoleSchema {

  @Bean
  FlywayMigrationStrategy validateOnly() {
    return flyway -> {
      try {
        flyway.validate();
      } catch (FlywayException e) {
        MigrationInfoService info = flyway.info();
        throw new IllegalStateException(
            "The database holds Cutover schema version "
                + (info.current() == null ? "none" : info.current().getVersion())
                + ", this worker knows "
                + known(info)
                + ": start the nodes of this version first, or run workers of the nodes' version",
            e);
      }
    };
  }

  private static String known(MigrationInfoService info) {
    return Arrays.stream(info.all())
        .filter(m -> m.getVersion() != null && !m.getState().name().startsWith("FUTURE"))
        .map(MigrationInfo::getVersion)
        .max(Comparator.naturalOrder())
        .map(Object::toString)
        .orElse("none");
  }
}
