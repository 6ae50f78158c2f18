package org.ncs.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What kind of failure an exception is, whoever wrapped it: a clash with a concurrent write, or a database away. */
public final class Failures {

  /**
   * What the connection pool answers for a connection it has already thrown away because the database broke it:
   * seen when rolling back the work the broken connection was doing, which hides the original failure.
   */
  private static final String CLOSED_BY_POOL = "Connection is closed";

  private Failures() {
  }

  /**
   * Someone else changed the same rows first (optimistic locking in the engine or in JPA, a deadlock or
   * serialization failure in the database): nothing was saved, and the same request may succeed if repeated.
   */
  public static boolean isConflict(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException
          || cause instanceof PessimisticLockingFailureException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          // serialization failure, deadlock
          && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The database cannot be reached or is not accepting work (restarting, in recovery, the pool exhausted while
   * waiting for it): the request did not happen and may succeed later.
   */
  public static boolean isDatabaseUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          // 08: connection exceptions; 57P01-57P03: shut down by an administrator, crash, cannot connect now
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      if (cause instanceof SQLException sql && CLOSED_BY_POOL.equals(sql.getMessage())) {
        return true;
      }
    }
    return false;
  }
}
