package io.syncline.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Creates a fresh PostgreSQL database per test on the server named by {@code SYNCLINE_TEST_PG}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/}, user postgres). Where no server answers,
 * a PostgreSQL from Maven Central is started for the test run, so a machine with only a JDK can
 * run the tests too. The databases are dropped when the test JVM exits.
 */
public final class TestDatabases {

    public static final String USER = env("SYNCLINE_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("SYNCLINE_TEST_PG_PASSWORD", "");
    private static final String CONFIGURED = env("SYNCLINE_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    private static String server;
    private static final java.util.List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
    }

    private TestDatabases() {}

    /** A new, empty database; returns its JDBC URL. */
    public static String create(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        try (Connection c = DriverManager.getConnection(server() + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server(), e);
        }
        return server() + name;
    }

    /** Drops what this run created; FORCE ends connections a context still holds at exit (PostgreSQL 13+). */
    private static void dropCreated() {
        if (CREATED.isEmpty()) {
            return;
        }
        // hooks run at once: let the application contexts close before their databases go away
        try {
            Thread spring = null;
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (spring == null && System.nanoTime() < deadline) {
                spring = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("SpringApplicationShutdownHook"))
                        .findFirst()
                        .orElse(null);
                if (spring == null) {
                    Thread.sleep(20);
                }
            }
            if (spring != null) {
                spring.join(20_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try (Connection c = DriverManager.getConnection(server + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException ignored) {
            // best effort: an embedded server may already be gone, and a leftover database harms nothing
        }
    }

    /** Points a Spring test context at {@code url}, with the PostgreSQL Flyway placeholders. */
    public static void register(DynamicPropertyRegistry registry, Supplier<String> url) {
        registry.add("spring.datasource.url", url::get);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.placeholders.binaryType", () -> "BYTEA");
    }

    /** The JDBC URL prefix of the server in use (ending in '/'). */
    public static synchronized String server() {
        if (server == null) {
            server = reachable(CONFIGURED) ? CONFIGURED : startEmbedded();
        }
        return server;
    }

    private static boolean reachable(String url) {
        try (Connection ignored = DriverManager.getConnection(url + "postgres", USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
            return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/";
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL at " + CONFIGURED + " and none could be started", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
