package io.syncline.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh databases on one PostgreSQL server, named by a JDBC URL prefix such as {@code jdbc:postgresql://host:5432/}. */
final class Databases {

    static {
        // Registers the driver even when the jar's launcher hides it from DriverManager's service lookup
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String prefix;
    private final String query;
    private final String user;
    private final String password;

    Databases(String serverUrl, String user, String password) {
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        this.query = q < 0 ? "" : serverUrl.substring(q);
        this.prefix = serverPrefix(base);
        this.user = user;
        this.password = password;
    }

    /** {@code jdbc:postgresql://h:1/} from the server URL, with or without a database or trailing slash. */
    static String serverPrefix(String base) {
        int hostStart = base.indexOf("//");
        if (!base.startsWith("jdbc:postgresql:") || hostStart < 0) {
            throw new IllegalArgumentException("expected jdbc:postgresql://host:port/, got " + base);
        }
        int slash = base.indexOf('/', hostStart + 2);
        return slash < 0 ? base + "/" : base.substring(0, slash + 1);
    }

    String url(String database) {
        return prefix + database + query;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Creates an empty database and returns its name. */
    String create(String namePrefix) throws SQLException {
        String name = namePrefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    void drop(String name) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("[bench] could not drop database " + name + ": " + e.getMessage());
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }
}
