package org.cutover;

import java.util.Arrays;
import org.cutover.cli.SyncCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Cutover: a complete mail migration run as one BPMN process on Camunda 7. With the {@value
 * WorkerRoleScan#PROFILE} profile it is the sync worker alone ({@link WorkerRoleScan}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
    excludeFilters = {
      @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
      @ComponentScan.Filter(
          type = FilterType.CUSTOM,
          classes = AutoConfigurationExcludeFilter.class),
      @ComponentScan.Filter(type = FilterType.CUSTOM, classes = WorkerRoleScan.class)
    })
@ConfigurationPropertiesScan
public class CutoverApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("sync")) {
      // The sync command line runs the engine alone, without the application around it.
      SyncCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    StopSignals.endCleanly();
    SpringApplication.run(CutoverApplication.class, args);
  }
}
