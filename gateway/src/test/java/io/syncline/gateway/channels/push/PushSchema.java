package io.syncline.gateway.channels.push;

import io.syncline.platform.test.TestDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The gateway's schema on a fresh in-memory H2 database (by its Flyway migrations), with a channel and a listing. */
final class PushSchema {

    private PushSchema() {}

    static JdbcTemplate fresh() {
        JdbcDataSource data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:push-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return migrated(data, "BINARY LARGE OBJECT");
    }

    /** The same schema on a fresh PostgreSQL database (see {@link TestDatabases}). */
    static JdbcTemplate postgres() {
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setURL(TestDatabases.create("gw_push"));
        data.setUser(TestDatabases.USER);
        data.setPassword(TestDatabases.PASSWORD);
        return migrated(data, "BYTEA");
    }

    private static JdbcTemplate migrated(DataSource data, String binaryType) {
        Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration/gateway")
                .placeholders(Map.of("binaryType", binaryType))
                .load()
                .migrate();
        return new JdbcTemplate(data);
    }

    static void channel(JdbcTemplate jdbc, String id, String apiBaseUrl, int buffer, boolean enabled, Instant at) {
        jdbc.update(
                "insert into channels (merchant_id, channel_id, kind, api_base_url, webhook_secret, access_token,"
                        + " location_id, buffer_stock, buffer_mode, enabled, created_at, updated_at)"
                        + " values ('m1', ?, 'SHOPIFY', ?, ?, ?, 'gid://shopify/Location/1', ?, 'FIXED', ?,"
                        + " ?, ?)",
                id,
                apiBaseUrl,
                new byte[] {0},
                new byte[] {0},
                buffer,
                enabled,
                Timestamp.from(at),
                Timestamp.from(at));
    }

    static void listing(JdbcTemplate jdbc, String channel, String sku, Instant at) {
        jdbc.update(
                "insert into channel_listings (merchant_id, channel_id, sku, inventory_item_id, updated_at)"
                        + " values ('m1', ?, ?, ?, ?)",
                channel,
                sku,
                "gid://shopify/InventoryItem/" + sku,
                Timestamp.from(at));
    }
}
