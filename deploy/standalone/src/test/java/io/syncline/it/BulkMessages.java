package io.syncline.it;

import io.syncline.live.stream.StreamHub;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fat stock messages (64 KB each) of merchant m1 written straight into the stream table, so that a client that
 * stops reading surely fills its socket buffers (a few MB).
 */
final class BulkMessages {

    static final String PAD = "x".repeat(64 * 1024);

    private BulkMessages() {}

    /** Messages numbered {@code first}.., written as the projection does (the log row locked first). */
    static void publish(JdbcTemplate jdbc, TransactionTemplate transactions, StreamHub hub, int first, int count) {
        transactions.executeWithoutResult(tx -> {
            jdbc.queryForObject("select purged_up_to from stream_log where id = 1 for update", Long.class);
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = first; i < first + count; i++) {
                jdbc.update(
                        "insert into stream_messages (merchant_id, topic, type, data, created_at) "
                                + "values (?, ?, ?, ?, ?)",
                        "m1",
                        "inventory",
                        "stock.changed",
                        "{\"merchantId\":\"m1\",\"sku\":\"BULK\",\"n\":" + i + ",\"pad\":\"" + PAD + "\"}",
                        now);
            }
        });
        hub.nudge();
    }

    /** {@code messages} in rounds of {@code round}, each read by the fast client before the next is written. */
    static void publishInRounds(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            StreamHub hub,
            StreamIT.Sse fast,
            int messages,
            int round) {
        for (int r = 0; r < messages / round; r++) {
            publish(jdbc, transactions, hub, r * round, round);
            int expected = (r + 1) * round;
            fast.awaitCondition(() -> received(fast).size() == expected, expected + " messages at the fast client");
        }
    }

    /** The numbers of the bulk messages the client has, in the order received. */
    static List<Integer> received(StreamIT.Sse sse) {
        return sse.received().stream()
                .filter(e -> "BULK".equals(e.field("sku")))
                .map(e -> Integer.parseInt(e.field("n")))
                .toList();
    }
}
