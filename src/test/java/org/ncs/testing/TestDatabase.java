package org.ncs.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.boot.SpringApplication;

/**
 * Chooses the database a test run works on, before any Spring context starts, from the system property
 * {@code ncs.test.database}: {@code h2} (the default: an in-memory H2 database) or {@code postgres}.
 *
 * <p>On PostgreSQL the run creates a database of its own on the server named by {@code NCS_TEST_DATABASE_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code NCS_TEST_DATABASE_USERNAME}, default
 * {@code postgres}, password {@code NCS_TEST_DATABASE_PASSWORD}) and drops it when the run ends, so runs never
 * collide with each other or with a running service. An unreachable server fails the run: it is never skipped.
 */
public class TestDatabase implements LauncherSessionListener {

  public static final String PROPERTY = "ncs.test.database";
  /** The administrator's password in the tests' services. */
  public static final String ADMIN_PASSWORD = "admin-of-the-tests";
  private static final String PREFIX = "ncs_test_";
  private static final Duration STALE_AFTER = Duration.ofHours(6);
  private static final Pattern JDBC_DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

  private static volatile String kind = "h2";

  /** {@code h2} or {@code postgres}: the database this run works on. */
  public static String kind() {
    return kind;
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    kind = System.getProperty(PROPERTY, "h2").toLowerCase(Locale.ROOT);
    switch (kind) {
      case "h2" -> use("jdbc:h2:mem:ncs-test;DB_CLOSE_DELAY=-1", "sa", "");
      case "postgres" -> createPostgresDatabase();
      default -> throw new IllegalStateException(PROPERTY + " must be h2 or postgres, not '" + kind + "'");
    }
  }

  /**
   * A new, empty PostgreSQL database on the test server, for a test that needs one of its own (nodes of a
   * cluster starting on an empty database, say): its JDBC URL. It is dropped when the run ends.
   */
  public static String newPostgresDatabase(String purpose) {
    String name = PREFIX + Instant.now().getEpochSecond() + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
    try (Connection admin = connectToServer(); Statement sql = admin.createStatement()) {
      sql.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a database for " + purpose + " on " + serverUrl(), e);
    }
    SpringApplication.getShutdownHandlers().add(() -> drop(name));
    Matcher url = JDBC_DATABASE.matcher(serverUrl());
    if (!url.matches()) {
      throw new IllegalStateException("NCS_TEST_DATABASE_URL must look like jdbc:postgresql://host:port/database");
    }
    return url.group(1) + name + url.group(3);
  }

  /** The user and password of the PostgreSQL test server. */
  public static String postgresUsername() {
    return username();
  }

  public static String postgresPassword() {
    return password();
  }

  private static void drop(String database) {
    try (Connection admin = connectToServer(); Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + database + " with (force)");
    } catch (SQLException e) {
      System.err.println("Could not drop test database " + database + ": " + e.getMessage());
    }
  }

  private void createPostgresDatabase() {
    String name = PREFIX + Instant.now().getEpochSecond() + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
    try (Connection admin = connectToServer(); Statement sql = admin.createStatement()) {
      dropStaleDatabases(sql);
      sql.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + serverUrl() + " as " + username()
          + " (" + e.getMessage() + "). The integration tests run on PostgreSQL as well as on H2: start "
          + "PostgreSQL, or point NCS_TEST_DATABASE_URL, NCS_TEST_DATABASE_USERNAME and NCS_TEST_DATABASE_PASSWORD "
          + "at a server where that user may create databases.", e);
    }
    // after the test contexts have closed: the engine still writes (metrics) while it shuts down
    SpringApplication.getShutdownHandlers().add(() -> drop(name));
    Matcher url = JDBC_DATABASE.matcher(serverUrl());
    if (!url.matches()) {
      throw new IllegalStateException("NCS_TEST_DATABASE_URL must look like jdbc:postgresql://host:port/database");
    }
    use(url.group(1) + name + url.group(3), username(), password());
    System.out.println("Integration tests run on PostgreSQL database " + name + " at " + url.group(1));
  }

  /** Databases left behind by runs that were killed before they could drop theirs. */
  private static void dropStaleDatabases(Statement sql) throws SQLException {
    List<String> stale = new ArrayList<>();
    long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
    try (ResultSet names = sql.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
      while (names.next()) {
        String[] parts = names.getString(1).substring(PREFIX.length()).split("_");
        if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
          stale.add(names.getString(1));
        }
      }
    }
    for (String name : stale) {
      sql.execute("drop database if exists " + name + " with (force)");
    }
  }

  private static void use(String url, String username, String password) {
    // the service refuses the documented default on a shared database (EngineBootstrap)
    System.setProperty("ncs.admin.password", ADMIN_PASSWORD);
    System.setProperty("spring.datasource.url", url);
    System.setProperty("spring.datasource.username", username);
    System.setProperty("spring.datasource.password", password);
  }

  private static Connection connectToServer() throws SQLException {
    return DriverManager.getConnection(serverUrl(), username(), password());
  }

  private static String serverUrl() {
    return env("NCS_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  }

  private static String username() {
    return env("NCS_TEST_DATABASE_USERNAME", "postgres");
  }

  private static String password() {
    return env("NCS_TEST_DATABASE_PASSWORD", "");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
