package org.cutover.camunda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model in {@code bpmn/} and every form in {@code forms/} as one deployment, named by
 * their path from those folders. The starter's auto-deployment leaves out forms and names resources
 * by absolute path (a new process version whenever the app is started another way), so it is
 * switched off. Nothing changed: nothing deployed; anything changed: all redeployed together, so a
 * form bound to its deployment always sits beside its model.
 */
@Component
class FolderDeployment extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "cutover";
  private static final Logger log = LoggerFactory.getLogger(FolderDeployment.class);
  private static final String[] FOLDERS = {"bpmn", "forms"};

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Map<String, byte[]> resources = readResources();
    if (resources.isEmpty()) {
      log.warn("No process models found under bpmn/ on the classpath; nothing deployed");
      return;
    }
    DeploymentBuilder deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_NAME)
            .enableDuplicateFiltering(false);
    resources.forEach(
        (name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
    String id = deployment.deploy().getId();
    log.info("Deployment {} holds {}", id, resources.keySet());
  }

  private static Map<String, byte[]> readResources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, byte[]> resources = new TreeMap<>();
    for (String folder : FOLDERS) {
      try {
        for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*.*")) {
          String url = resource.getURL().toString();
          String name = url.substring(url.lastIndexOf("/" + folder + "/") + 1);
          try (InputStream in = resource.getInputStream()) {
            resources.put(name, in.readAllBytes());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the " + folder + "/ folder", e);
      }
    }
    return resources;
  }
}
