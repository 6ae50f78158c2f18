package org.ncs.lifecycle;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What every process test needs: the engine, BPM Assert bound to it, and a driver through the models. */
abstract class ProcessTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  Lifecycles lifecycles;

  LifecycleDriver driver;

  @BeforeEach
  void bindEngine() {
    BpmnAwareTests.init(engine);
    driver = new LifecycleDriver(engine);
  }
}
