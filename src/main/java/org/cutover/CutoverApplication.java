package org.cutover;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Cutover: a complete mail migration run as one BPMN process on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CutoverApplication {

  public static void main(String[] args) {
    SpringApplication.run(CutoverApplication.class, args);
  }
}
