package org.ncs.lifecycle;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds the embedded engine's name and version to {@code /actuator/info}. */
@Component
class EngineInfoContributor implements InfoContributor {

  private final ProcessEngine engine;

  EngineInfoContributor(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void contribute(Info.Builder builder) {
    String version = ProcessEngine.class.getPackage().getImplementationVersion();
    builder.withDetail("engine", Map.of(
        "name", engine.getName(),
        "product", "Camunda 7",
        "version", version == null ? "unknown" : version));
  }
}
