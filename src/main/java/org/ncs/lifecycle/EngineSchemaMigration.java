package org.ncs.lifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the engine's tables with the SQL scripts the engine ships for each database, as a Flyway migration: it
 * runs once, under Flyway's lock, so that nodes starting together on an empty database do not race to create
 * them, and the engine only checks its schema at start-up ({@code camunda.bpm.database.schema-update: false}).
 * A database whose engine tables the engine created itself (before this migration existed) is left as it is.
 * Upgrading the engine means one more migration that runs the engine's upgrade scripts for the new version.
 */
@Component
class EngineSchemaMigration implements JavaMigration {

  /** The engine's components, in the order the engine itself creates them. */
  static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");
  private static final String SCRIPTS = "org/camunda/bpm/engine/db/create/activiti.%s.create.%s.sql";
  private static final Logger log = LoggerFactory.getLogger(EngineSchemaMigration.class);

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "Camunda engine schema";
  }

  /**
   * None: the scripts come with the engine, and an upgraded engine (a new migration that runs its upgrade scripts)
   * must not make Flyway refuse this one as changed.
   */
  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (hasTable(connection, "ACT_GE_PROPERTY")) {
      log.info("The engine's tables exist already; they are left as they are");
      return;
    }
    String database = database(connection.getMetaData().getDatabaseProductName());
    for (String component : COMPONENTS) {
      String script = SCRIPTS.formatted(database, component);
      log.info("Creating the engine's {} tables ({})", component, script);
      try (InputStream in = ProcessEngine.class.getClassLoader().getResourceAsStream(script);
          Statement sql = connection.createStatement()) {
        if (in == null) {
          throw new IllegalStateException("The engine has no script " + script);
        }
        for (String statement : statements(in)) {
          sql.execute(statement);
        }
      }
    }
  }

  private static String database(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return "postgres";
    }
    if (name.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException("No engine schema scripts for database " + productName);
  }

  /** Whether the schema the service works in (not some other schema of the database) has the table. */
  private static boolean hasTable(Connection connection, String table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
      try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name,
          new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The script's statements: lines up to one ending in ';', without blank lines and comments. */
  static List<String> statements(InputStream script) throws IOException {
    List<String> statements = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    BufferedReader lines = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
        continue;
      }
      statement.append(statement.isEmpty() ? "" : " ").append(trimmed);
      if (trimmed.endsWith(";")) {
        statements.add(statement.substring(0, statement.length() - 1));
        statement.setLength(0);
      }
    }
    return statements;
  }
}
