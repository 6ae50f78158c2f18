package org.ncs.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ThreadLocalRandom;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs {@link RetryOnConflict} methods again when they lost a race, outside their transaction (this advice is
 * ordered before the transaction's), after a random pause that grows with each attempt so that the contenders
 * spread out instead of meeting again.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConflictRetry {

  static final int ATTEMPTS = 5;
  private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

  private final Counter retries;

  ConflictRetry(MeterRegistry meters) {
    this.retries = Counter.builder("ncs.writes.retried")
        .description("Writes run again after a concurrent change of the same data")
        .register(meters);
  }

  @Around("@annotation(org.ncs.web.RetryOnConflict) || @within(org.ncs.web.RetryOnConflict)")
  Object retry(ProceedingJoinPoint call) throws Throwable {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return call.proceed();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return call.proceed();
      } catch (RuntimeException e) {
        if (!Failures.isConflict(e)) {
          throw e;
        }
        if (attempt == ATTEMPTS) {
          log.warn("{} met a concurrent change {} times in a row; the caller is asked to send it again: {}",
              call.getSignature().toShortString(), ATTEMPTS, e.toString());
          throw new ConflictException(Messages.get("problem.concurrentChange"));
        }
        retries.increment();
        log.debug("{} met a concurrent change (attempt {}), trying again: {}", call.getSignature().toShortString(),
            attempt, e.toString());
        pause(attempt, e);
      }
    }
  }

  /** Exponential back-off with jitter: 0-50 ms, then up to 100, 200, 400. */
  private static void pause(int attempt, RuntimeException conflict) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(25L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw conflict;
    }
  }
}
