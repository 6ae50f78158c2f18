package org.ncs;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk to each other only through their public API, and never in a cycle. */
class ModuleStructureTest {

  @Test
  void modulesRespectTheirBoundaries() {
    ApplicationModules.of(NcsApplication.class).verify();
  }
}
