package io.syncline.gateway.stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The same on a fresh PostgreSQL database at {@code SYNCLINE_TEST_PG} (default 127.0.0.1:5432, user
 * postgres); skipped when no server answers there.
 */
class JpaStreamStorePostgresTest extends JpaStreamStoreTest {

    private static final String SERVER = env("SYNCLINE_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = env("SYNCLINE_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("SYNCLINE_TEST_PG_PASSWORD", "");
    private static String url;

    @BeforeAll
    static void createDatabase() {
        String name = "syncline_stream_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            url = SERVER + name;
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL at " + SERVER + ": " + e.getMessage());
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.placeholders.binaryType", () -> "BYTEA");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
