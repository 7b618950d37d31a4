package io.syncline.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stock events written straight into the standalone's event table ({@code domain_event_entry}) in the store's
 * format: Jackson JSON payloads and metadata, the aggregate type {@code Stock}, global indexes from the table's
 * sequence as Axon takes them. Each aggregate's events are a {@code StockDefined} (when its history starts here)
 * and {@code StockCounted}s whose on-hand is the event's sequence number, so the last one says what the
 * read model must show in the end.
 */
final class EventFill {

    static final String MERCHANT = SynclineRun.USER;
    private static final String DEFINED = "io.syncline.api.inventory.StockEvents$StockDefined";
    private static final String COUNTED = "io.syncline.api.inventory.StockEvents$StockCounted";
    private static final String METADATA = "{\"traceId\":\"fill\",\"correlationId\":\"fill\",\"userId\":\"bench\"}";
    /** Rows per statement (one transaction each): large enough to be quick, small enough not to hold a lock long. */
    static final int CHUNK = 250_000;

    private EventFill() {}

    /**
     * Appends sequence numbers {@code from} to {@code to} (inclusive) to one SKU's stock, in one transaction, so
     * tracking processors see no gap; sequence 0 is its {@code StockDefined}.
     */
    static void append(Connection c, String sku, long from, long to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(insert("?::text", "g"))) {
            s.setString(1, sku);
            s.setLong(2, from);
            s.setLong(3, to);
            s.executeUpdate();
        }
    }

    /**
     * Writes {@code events} events over aggregates of {@code perAggregate} events each, SKUs
     * {@code prefix-000001}…, in chunks of {@link #CHUNK}. Returns the number of aggregates.
     */
    static long fill(Connection c, String prefix, long events, int perAggregate) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            for (long start = 0; start < events; start += CHUNK) {
                long end = Math.min(events, start + CHUNK) - 1;
                String sku = "? || '-' || lpad((n / " + perAggregate + ")::text, 6, '0')";
                String sql = insert(sku, "(n % " + perAggregate + ")")
                        .replace("generate_series(?, ?) AS g", "generate_series(?, ?) AS n");
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, prefix);
                    s.setLong(2, start);
                    s.setLong(3, end);
                    s.executeUpdate();
                }
                Cli.log("filled " + (end + 1) + " of " + events + " events");
            }
        } finally {
            c.setAutoCommit(auto);
        }
        return (events + perAggregate - 1) / perAggregate;
    }

    /**
     * What autovacuum does to a table that grew over time; right after a bulk fill the planner still plans for the
     * table as it was, which is no figure of a store that grew by use.
     */
    static void analyze(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE domain_event_entry");
        }
    }

    /** Moves every tracking processor's token to the newest event: they start after what was filled in. */
    static int tokensToHead(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("UPDATE token_entry SET owner = NULL, token = convert_to("
                    + "'{\"index\":' || (SELECT max(global_index) FROM domain_event_entry) || ',\"gaps\":[]}', 'UTF8'),"
                    + " token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'");
        }
    }

    /**
     * One INSERT … SELECT over {@code generate_series(?, ?) AS g}, in its order (global indexes follow it); the SKU
     * and sequence are SQL expressions.
     */
    private static String insert(String skuExpression, String sequenceExpression) {
        String stockId = "'" + MERCHANT + "/' || sku";
        return "INSERT INTO domain_event_entry (global_index, sequence_number, meta_data, payload,"
                + " aggregate_identifier, event_identifier, payload_revision, payload_type, time_stamp, type)"
                + " SELECT nextval('domain_event_entry_seq'), seq, convert_to('" + METADATA + "', 'UTF8'),"
                + " convert_to(CASE WHEN seq = 0 THEN json_build_object('stockId', " + stockId + ", 'merchantId', '"
                + MERCHANT + "', 'sku', sku, 'name', 'Store benchmark item ' || sku, 'lowStockThreshold', 0)::text"
                + " ELSE json_build_object('stockId', " + stockId + ", 'merchantId', '" + MERCHANT
                + "', 'sku', sku, 'previousOnHand', seq - 1, 'onHand', seq, 'reserved', 0)::text END, 'UTF8'),"
                + " " + stockId + ", gen_random_uuid()::text, NULL,"
                + " CASE WHEN seq = 0 THEN '" + DEFINED + "' ELSE '" + COUNTED + "' END,"
                + " to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), 'Stock'"
                + " FROM (SELECT " + skuExpression + " AS sku, " + sequenceExpression
                + " AS seq FROM generate_series(?, ?) AS g) AS e";
    }
}
