package org.ncs.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model under {@code bpmn/} and every form under {@code forms/} as one deployment when the engine
 * starts, named by their path in the project (e.g. {@code forms/approve-plan.form}) so the names are the same on
 * every machine.
 *
 * <p>The set is deployed whole or not at all: tasks find their forms with {@code formRefBinding="deployment"},
 * so a changed model must be deployed together with the forms it uses. Unchanged resources create no new
 * deployment, which keeps restarts and a cluster's nodes from piling up versions. Definitions are shared by all
 * tenants; each country's instances carry its tenant id.
 */
@Component
class ProcessModelDeployer extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "ncs-lifecycle";
  static final List<String> FOLDERS = List.of("bpmn", "forms");
  static final List<String> EXTENSIONS = List.of(".bpmn", ".dmn", ".form");
  private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    Map<String, Resource> resources = resources();
    if (resources.isEmpty()) {
      log.warn("No process models or forms found under {}", FOLDERS);
      return;
    }
    RepositoryService repository = processEngine.getRepositoryService();
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("ncs-lifecycle-service")
        .enableDuplicateFiltering(false);
    resources.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        builder.addInputStream(name, in); // read right away
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + name, e);
      }
    });
    String previous = latestDeploymentId(repository);
    Deployment deployment = builder.deploy();
    log.info(deployment.getId().equals(previous)
            ? "Process models and forms unchanged since deployment {} ({} resources)"
            : "Process models and forms deployed as deployment {} ({} resources)",
        deployment.getId(), resources.size());
  }

  /** Every model and form on the classpath, by its path below the classpath root. */
  Map<String, Resource> resources() {
    Map<String, Resource> byName = new TreeMap<>();
    try {
      for (String folder : FOLDERS) {
        for (Resource root : resolver.getResources("classpath*:" + folder + "/")) {
          String rootUri = root.getURI().toString();
          for (Resource resource : resolver.getResources(rootUri + "**/*")) {
            String name = folder + "/" + resource.getURI().toString().substring(rootUri.length());
            if (EXTENSIONS.stream().anyMatch(name::endsWith)) {
              byName.putIfAbsent(name, resource);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list process models and forms", e);
    }
    return byName;
  }

  private static String latestDeploymentId(RepositoryService repository) {
    Deployment latest = repository.createDeploymentQuery()
        .deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc()
        .listPage(0, 1).stream().findFirst().orElse(null);
    return latest == null ? null : latest.getId();
  }
}
