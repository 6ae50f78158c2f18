package org.ncs.testing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts every SQL statement the service sends to its database (ours, Flyway's and the engine's: they share one
 * data source), so a test can tell how many statements one request costs. Statements of a JDBC batch count one
 * each. Integration tests run one at a time and drive timers themselves, so nothing else runs while a test
 * measures.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatements {

  private static final AtomicLong EXECUTED = new AtomicLong();
  /** {@code -Dncs.test.trace-sql=true} prints every statement, to see what a request costs. */
  private static final boolean TRACE = Boolean.getBoolean("ncs.test.trace-sql");

  /** Runs the work and answers how many statements it sent, with its result. */
  public static <T> Counted<T> count(Supplier<T> work) {
    long before = EXECUTED.get();
    T result = work.get();
    return new Counted<>(result, EXECUTED.get() - before);
  }

  public record Counted<T>(T result, long statements) {
  }

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource dataSource)) {
          return bean;
        }
        return ProxyDataSourceBuilder.create(dataSource)
            .name(name)
            .afterQuery((execution, queries) -> {
              // a prepared batch is one query run batch-size times; a plain batch lists each of its queries
              EXECUTED.addAndGet(execution.isBatch() ? Math.max(execution.getBatchSize(), queries.size())
                  : queries.size());
              if (TRACE) {
                queries.forEach(query -> System.out.println("SQL> " + query.getQuery().replaceAll("\\s+", " ")));
              }
            })
            .build();
      }
    };
  }
}
