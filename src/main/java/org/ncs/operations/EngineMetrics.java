package org.ncs.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * What the engine does on this node, as Micrometer counters: the job executor's work (acquired, executed,
 * failed, rejected; the engine counts these itself and reports them to its own tables every 15 minutes, we count
 * them as they happen) and the tasks people complete (once their transaction has committed).
 */
@Component
class EngineMetrics extends AbstractProcessEnginePlugin {

  private final Map<String, Counter> jobs;
  private final Counter tasksCompleted;

  EngineMetrics(MeterRegistry registry) {
    jobs = Map.of(
        Metrics.JOB_ACQUISITION_ATTEMPT, jobCounter(registry, "ncs.jobs.acquisition.attempts", null),
        Metrics.JOB_ACQUIRED_SUCCESS, jobCounter(registry, "ncs.jobs.acquired", null),
        // another node locked the job first: normal in a cluster, a sign of contention when it grows
        Metrics.JOB_ACQUIRED_FAILURE, jobCounter(registry, "ncs.jobs.acquisition.lost", null),
        Metrics.JOB_EXECUTION_REJECTED, jobCounter(registry, "ncs.jobs.rejected", null),
        Metrics.JOB_SUCCESSFUL, jobCounter(registry, "ncs.jobs.executed", "success"),
        Metrics.JOB_FAILED, jobCounter(registry, "ncs.jobs.executed", "failure"));
    tasksCompleted = Counter.builder("ncs.tasks.completed").description("User tasks completed on this node")
        .register(registry);
  }

  private static Counter jobCounter(MeterRegistry registry, String name, String outcome) {
    Counter.Builder counter = Counter.builder(name).description("The engine's job executor on this node");
    return (outcome == null ? counter : counter.tag("outcome", outcome)).register(registry);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setMetricsRegistry(new MetricsRegistry() {
      @Override
      public void markOccurrence(String name, long times) {
        super.markOccurrence(name, times);
        Counter counter = jobs.get(name);
        if (counter != null) {
          counter.increment(times);
        }
      }
    });
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener completed = task -> Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, context -> tasksCompleted.increment());
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
      }
    });
  }
}
