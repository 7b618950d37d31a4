package io.syncline.conflicts.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.syncline.platform.test.TestDatabases;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh PostgreSQL database with the module's migrations (and db-scheduler's table), and what the handlers need
 * of it: a JdbcTemplate, a transaction manager, the JSON mapper. Events are handled in a transaction of their own,
 * as a tracking processor handles them.
 */
public final class ConflictsDatabase {

    public final String url;
    public final DataSource dataSource;
    public final JdbcTemplate jdbc;
    public final DataSourceTransactionManager transactions;
    public final ObjectMapper json =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ConflictsDatabase(String url) {
        this.url = url;
        boolean h2 = url.startsWith("jdbc:h2:");
        DriverManagerDataSource plain =
                new DriverManagerDataSource(url, h2 ? "sa" : TestDatabases.USER, h2 ? "" : TestDatabases.PASSWORD);
        // as db-scheduler's Spring starter wraps it: its writes join the handler's transaction
        this.dataSource = new TransactionAwareDataSourceProxy(plain);
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new DataSourceTransactionManager(plain);
    }

    /** A new database, migrated. */
    public static ConflictsDatabase create() {
        return migrated(new ConflictsDatabase(TestDatabases.create("conflicts")), "BYTEA");
    }

    /** A new in-memory H2 database in the PostgreSQL mode the service runs with where none is configured. */
    public static ConflictsDatabase h2() {
        String url = "jdbc:h2:mem:conflicts-" + java.util.UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return migrated(new ConflictsDatabase(url), "BINARY LARGE OBJECT");
    }

    private static ConflictsDatabase migrated(ConflictsDatabase db, String binaryType) {
        Flyway.configure()
                .dataSource(db.dataSource)
                .locations("classpath:db/platform/deadlines", "classpath:db/migration/conflicts")
                .placeholders(Map.of("binaryType", binaryType))
                .load()
                .migrate();
        return db;
    }

    /** The same database again, as a restarted process finds it. */
    public ConflictsDatabase reopen() {
        return new ConflictsDatabase(url);
    }

    public void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> work.run());
    }

    /** Handles one event as a processor does: in a transaction, through Axon's annotation adapter. */
    public void handle(EventMessageHandler handler, EventMessage<?> event) {
        inTransaction(() -> {
            try {
                handler.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
