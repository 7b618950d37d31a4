package io.syncline.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.syncline.gateway.stream.StreamHub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops reading is dropped while another keeps receiving everything. Many fat messages are
 * written straight into the stream table so that the silent socket's kernel buffers (a few MB) surely fill.
 */
@TestPropertySource(properties = {"syncline.stream.client-buffer=20", "syncline.stream.write-stall=1s"})
class SlowClientIT extends StandaloneIntegrationTest {

    private static final int MESSAGES = 200;
    private static final int ROUND = 10;
    static final String PAD = "x".repeat(64 * 1024);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private StreamHub hub;
    @Autowired
    private MeterRegistry meters;

    @Test
    void aClientThatStopsReadingIsDroppedWhileAFastOneGetsEveryMessageInOrder() throws Exception {
        String token = client().login("alice", "secret").token();
        double dropsBefore = drops();
        try (Socket slow = StalledSseClient.open(port, token);
             StreamIT.Sse fast = StreamIT.Sse.open(port, token, "?topics=inventory", null)) {
            fast.awaitCondition(() -> hub.subscriptionCount() >= 2, "both clients subscribed");

            // rounds smaller than the client buffer, each read by the fast client before the next
            for (int round = 0; round < MESSAGES / ROUND; round++) {
                publishBulk(jdbc, transactions, hub, round * ROUND, ROUND);
                int expected = (round + 1) * ROUND;
                fast.awaitCondition(() -> bulk(fast).size() == expected, expected + " messages at the fast client");
            }
            List<Integer> order = bulk(fast);
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(order.get(i)).isEqualTo(i);
            }
            fast.awaitCondition(() -> drops() > dropsBefore, "the silent client dropped");
            assertThat(hub.subscriptionCount()).isEqualTo(1);

            // the server ends the silent client's response: reading it now reaches the end
            slow.setSoTimeout(30_000);
            InputStream in = slow.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (head.size() < 512) {
                    head.write(chunk, 0, Math.min(n, 512));
                }
                total += n;
            }
            assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
            assertThat(total).as("less than everything reached the silent client")
                    .isLessThan((long) MESSAGES * PAD.length());
        }
    }

    private double drops() {
        return meters.get("syncline.stream.drops").counter().count();
    }

    static List<Integer> bulk(StreamIT.Sse sse) {
        return sse.received().stream().filter(e -> "BULK".equals(e.field("sku")))
                .map(e -> Integer.parseInt(e.field("n"))).toList();
    }

    /**
     * Fat stock messages (64 KB each) of merchant m1, numbered {@code first}.., written as the projection does
     * (the log row locked first).
     */
    static void publishBulk(JdbcTemplate jdbc, TransactionTemplate transactions, StreamHub hub, int first,
                            int count) {
        transactions.executeWithoutResult(tx -> {
            jdbc.queryForObject("select purged_up_to from stream_log where id = 1 for update", Long.class);
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = first; i < first + count; i++) {
                jdbc.update("insert into stream_messages (merchant_id, topic, type, data, created_at) "
                                + "values (?, ?, ?, ?, ?)", "m1", "inventory", "stock.changed",
                        "{\"merchantId\":\"m1\",\"sku\":\"BULK\",\"n\":" + i + ",\"pad\":\"" + PAD + "\"}", now);
            }
        });
        hub.nudge();
    }
}
