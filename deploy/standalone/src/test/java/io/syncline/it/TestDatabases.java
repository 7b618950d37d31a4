package io.syncline.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Creates a fresh PostgreSQL database per test class on the server named by
 * {@code SYNCLINE_TEST_PG} (default {@code jdbc:postgresql://127.0.0.1:5432/}, user postgres).
 */
public final class TestDatabases {

    public static final String SERVER = env("SYNCLINE_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = env("SYNCLINE_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("SYNCLINE_TEST_PG_PASSWORD", "");

    private TestDatabases() {
    }

    /** A new, empty database; returns its JDBC URL. */
    public static String create(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed at " + SERVER + " for integration tests", e);
        }
        return SERVER + name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
