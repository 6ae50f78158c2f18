package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The build's coverage gate: after every process test of this run (test classes run in {@link Order} and this
 * one last), each model's flow nodes and sequence flows must have been covered to at least 90% by the tests
 * together. The numbers come from the process-test-coverage reports the tests left in target/.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageIT {

  static final double MINIMUM = 0.9;
  static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Test
  void everyModelIsCoveredAtLeastNinetyPercentByTheTestsTogether() throws IOException {
    Map<String, Integer> totals = new HashMap<>();
    Map<String, Set<String>> covered = new HashMap<>();
    long runStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> reports = Files.walk(REPORTS)) {
      for (Path report : reports.filter(p -> p.endsWith("report.json")).toList()) {
        if (Files.getLastModifiedTime(report).toMillis() < runStarted) {
          continue;
        }
        JsonNode content = json.readTree(report.toFile());
        content.path("models").forEach(model ->
            totals.put(model.path("key").asText(), model.path("totalElementCount").asInt()));
        content.path("suites").forEach(suite -> suite.path("runs").forEach(run -> run.path("events")
            .forEach(event -> covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                .add(event.path("definitionKey").asText()))));
      }
    }

    Map<String, Double> coverage = new TreeMap<>();
    for (File file : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      String key = Bpmn.readModelFromFile(file).getModelElementsByType(Process.class).iterator().next().getId();
      int total = totals.getOrDefault(key, 0);
      coverage.put(key, total == 0 ? 0 : (double) covered.getOrDefault(key, Set.of()).size() / total);
    }
    StringBuilder table = new StringBuilder("Process test coverage (flow nodes and sequence flows):\n");
    coverage.forEach((key, ratio) -> table.append(String.format("  %-36s %5.1f%%%n", key, ratio * 100)));
    System.out.print(table);

    assertThat(coverage).as(table.toString()).allSatisfy((key, ratio) -> assertThat(ratio).isGreaterThanOrEqualTo(MINIMUM));
  }
}
