package org.ncs.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sign-ins are kept in the database (Spring Session JDBC, tables from Flyway), so that any node serves any browser.
 * On PostgreSQL a session's attributes are written with an upsert: two requests of one browser that set the same
 * attribute at once (two tabs, a page and its fragments) would otherwise collide on its key and one would fail.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesUpsertedOnPostgres(
      @Value("${spring.datasource.url:}") String databaseUrl) {
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgres = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    return repository -> {
      if (databaseUrl.startsWith("jdbc:postgresql:")) {
        postgres.customize(repository);
      }
    };
  }
}
