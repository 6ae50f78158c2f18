package org.ncs.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A node asked to stop (a rolling update, a scale-down) takes no new jobs from the moment the stop begins, while it
 * finishes the requests it has started ({@code server.shutdown: graceful}, up to 30 seconds), and lets the jobs it
 * is running finish, up to 10 seconds more, instead of interrupting them: their transactions commit, and nothing
 * waits for a lock to expire on another node. The platform's grace period must cover both (deploy/ gives 60 s).
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorShutdown {

  /** The job executor's thread pool, as the Camunda starter names it. */
  private static final String JOB_THREADS = "camundaTaskExecutor";

  @Bean
  static BeanPostProcessor jobThreadsFinishTheirJobs() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (JOB_THREADS.equals(name) && bean instanceof ThreadPoolTaskExecutor threads) {
          threads.setWaitForTasksToCompleteOnShutdown(true);
          threads.setAwaitTerminationSeconds(10);
        }
        return bean;
      }
    };
  }

  /** Stops job acquisition first of all: stopping runs from the highest phase down, the web server's included. */
  @Bean
  SmartLifecycle stopTakingJobs(ObjectProvider<ProcessEngine> engine) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        running = false;
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
            .getJobExecutor();
        if (jobs != null && jobs.isActive()) {
          jobs.shutdown();
        }
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return Integer.MAX_VALUE;
      }
    };
  }
}
