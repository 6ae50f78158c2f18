package org.ncs.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.ncs.NcsApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random port, on the database {@link TestDatabase} chose for this run. Every integration
 * test uses the same configuration, so they share one application context. The engine records which parts of
 * the models each test class runs through (process test coverage, reported under target/process-test-coverage),
 * and every SQL statement is counted ({@link SqlStatements}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = NcsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, SqlStatements.class})
public @interface IntegrationTest {
}
