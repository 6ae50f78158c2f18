package org.ncs.operations;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A node that is asked to stop (a rolling update, a scale-down) lets the jobs it is running finish, up to 30
 * seconds, instead of interrupting them: their transactions commit, and nothing waits for the lock to expire on
 * another node. Requests in flight are finished the same way ({@code server.shutdown: graceful}).
 */
@Component
class JobExecutorShutdown implements BeanPostProcessor {

  /** The job executor's thread pool, as the Camunda starter names it. */
  private static final String JOB_THREADS = "camundaTaskExecutor";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) {
    if (JOB_THREADS.equals(name) && bean instanceof ThreadPoolTaskExecutor threads) {
      threads.setWaitForTasksToCompleteOnShutdown(true);
      threads.setAwaitTerminationSeconds(30);
    }
    return bean;
  }
}
