package org.ncs.lifecycle;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task listener throws in a generic exception, which its REST API answers with 500.
 * This interceptor, around every command, hands callers the {@link TaskDataRejectedException} itself, so a
 * rejected completion is the caller's 400 and not the server's error. The transaction has rolled back either way.
 */
class TaskDataRejections extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof TaskDataRejectedException rejected) {
          throw rejected;
        }
      }
      throw e;
    }
  }
}
