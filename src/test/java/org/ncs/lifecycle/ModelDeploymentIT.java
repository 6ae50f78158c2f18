package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncs.NcsApplication;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@IntegrationTest
class ModelDeploymentIT {

  @Autowired
  RepositoryService repository;

  @Test
  void everyModelAndFormInTheProjectIsDeployedUnderItsProjectPath() throws IOException {
    List<String> files = projectFiles();

    List<String> deployed = repository.getDeploymentResourceNames(latestDeployment(repository).getId());

    assertThat(files).isNotEmpty();
    assertThat(deployed).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void aRestartKeepsTheDataAndCreatesNoNewDeployment(@TempDir Path dataDir) {
    String[] args = restartArguments(dataDir);
    List<String> before;
    try (ConfigurableApplicationContext first = start(args)) {
      RepositoryService firstRepository = first.getBean(ProcessEngine.class).getRepositoryService();
      before = deploymentIds(firstRepository);
      assertThat(before).isNotEmpty();
    }

    try (ConfigurableApplicationContext second = start(args)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(deploymentIds(engine.getRepositoryService())).isEqualTo(before);
      assertThat(engine.getIdentityService().createUserQuery().userId("admin").count()).isEqualTo(1);
    }
  }

  /**
   * On H2 the restarts use a database file of their own, as the default profile does under ./data. They start
   * the engine without the web layer: the Camunda webapps keep static state that a second instance in the same
   * JVM would disturb for the other tests.
   */
  private static String[] restartArguments(Path dataDir) {
    Stream<String> common = Stream.of("--spring.profiles.active=test",
        "--camunda.bpm.process-engine-name=restart",
        "--spring.autoconfigure.exclude=" + CamundaBpmWebappAutoConfiguration.class.getName() + ","
            + CamundaBpmRestJerseyAutoConfiguration.class.getName());
    return (TestDatabase.kind().equals("h2")
        ? Stream.concat(common, Stream.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("ncs")))
        : common).toArray(String[]::new);
  }

  private static ConfigurableApplicationContext start(String[] args) {
    return new SpringApplicationBuilder(NcsApplication.class).web(WebApplicationType.NONE).run(args);
  }

  private static List<String> deploymentIds(RepositoryService repository) {
    return repository.createDeploymentQuery().deploymentName(ProcessModelDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().asc().list().stream().map(Deployment::getId).toList();
  }

  private static Deployment latestDeployment(RepositoryService repository) {
    return repository.createDeploymentQuery().deploymentName(ProcessModelDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1).get(0);
  }

  private static List<String> projectFiles() throws IOException {
    try (Stream<Path> files = ProcessModelDeployer.FOLDERS.stream().map(Path::of).flatMap(ModelDeploymentIT::walk)) {
      return files.filter(Files::isRegularFile)
          .map(path -> path.toString().replace('\\', '/'))
          .filter(name -> ProcessModelDeployer.EXTENSIONS.stream().anyMatch(name::endsWith))
          .toList();
    }
  }

  private static Stream<Path> walk(Path folder) {
    try {
      return Files.walk(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
