package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.syncline.live.stream.StreamHub;
import java.net.Socket;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write-stall watchdog end to end. A raw SSE client with a 4 KB receive buffer that never reads makes the
 * server's write to it block once the socket buffers are full (the 64 KB messages fill them within a few MB);
 * after {@code write-stall} the watchdog drops it. The per-client buffer is far larger than all the messages
 * sent, so falling behind (the overflow drop) cannot be what ends it; and with one delivery thread the fast
 * client keeps receiving only because the watchdog lends a thread while the stalled write blocks.
 */
@TestPropertySource(
        properties = {
            "syncline.stream.client-buffer=100000",
            "syncline.stream.write-stall=1s",
            "syncline.stream.delivery-threads=1",
            "spring.datasource.hikari.maximum-pool-size=4"
        })
@DirtiesContext
class WriteStallIT extends StandaloneIntegrationTest {

    private static final int MESSAGES = 200;
    private static final int ROUND = 10;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private StreamHub hub;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aClientWhoseWriteStallsIsDroppedWhileAFastOneGetsEveryMessage() throws Exception {
        String token = client().login("alice", "secret").token();
        double dropsBefore = drops();
        try (Socket stalled = StalledSseClient.open(port, token);
                StreamIT.Sse fast = StreamIT.Sse.open(port, token, "?topics=inventory", null)) {
            fast.awaitCondition(() -> hub.subscriptionCount() >= 2, "both clients subscribed");

            BulkMessages.publishInRounds(jdbc, transactions, hub, fast, MESSAGES, ROUND);
            assertThat(BulkMessages.received(fast))
                    .containsExactlyElementsOf(
                            IntStream.range(0, MESSAGES).boxed().toList());
            fast.awaitCondition(() -> drops() > dropsBefore, "the stalled client dropped");
            assertThat(drops()).isEqualTo(dropsBefore + 1);
            assertThat(hub.subscriptionCount()).isEqualTo(1);

            // the blocked write returns once the client reads; the server then ends the response and the connection
            assertThat(StalledSseClient.drain(stalled).total())
                    .as("less than everything reached the stalled client")
                    .isLessThan((long) MESSAGES * BulkMessages.PAD.length());
        }
    }

    private double drops() {
        return meters.get("syncline.stream.drops").counter().count();
    }
}
