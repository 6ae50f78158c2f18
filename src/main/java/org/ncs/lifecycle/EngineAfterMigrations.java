package org.ncs.lifecycle;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.stereotype.Component;

/** The engine starts once Flyway has migrated the database: the engine's own tables are a migration. */
@Component
class EngineAfterMigrations extends AbstractDependsOnBeanFactoryPostProcessor {

  EngineAfterMigrations() {
    super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
  }
}
