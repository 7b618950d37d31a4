package io.syncline.gateway.stream;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for the Postgres variants of the persistence tests, on the server at
 * {@code SYNCLINE_TEST_PG} (default 127.0.0.1:5432, user postgres); a test is skipped when no server answers.
 */
public final class PostgresTestDatabase {

    private static final String SERVER = env("SYNCLINE_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = env("SYNCLINE_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("SYNCLINE_TEST_PG_PASSWORD", "");

    private PostgresTestDatabase() {
    }

    /** A new empty database; aborts (skips) the calling test when no server answers. Returns its JDBC URL. */
    public static String createOrSkip(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return SERVER + name;
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL at " + SERVER + ": " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** Points the Spring context at that database, with the PostgreSQL Flyway placeholders. */
    public static void register(DynamicPropertyRegistry registry, java.util.function.Supplier<String> url) {
        registry.add("spring.datasource.url", url::get);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.placeholders.binaryType", () -> "BYTEA");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
