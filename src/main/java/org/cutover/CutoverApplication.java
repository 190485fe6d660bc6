package org.cutover;

import java.util.Arrays;
import org.cutover.cli.SyncCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Cutover: a complete mail migration run as one BPMN process on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CutoverApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("sync")) {
      // The sync command line runs the engine alone, without the application around it.
      SyncCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    SpringApplication.run(CutoverApplication.class, args);
  }
}
