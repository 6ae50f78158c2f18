package org.ncs.lifecycle;

/** The task is not open for the caller: it ended, or it never existed for them. Answered from its history. */
class TaskNotOpenException extends RuntimeException {

  TaskNotOpenException(String taskId) {
    super("Task " + taskId + " is not open for the caller", null, false, false);
  }
}
