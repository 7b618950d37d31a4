package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.syncline.live.stream.StreamHub;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A client that stops reading is dropped while another keeps receiving everything. Many fat messages
 * ({@link BulkMessages}) make sure the silent socket's kernel buffers fill.
 */
@TestPropertySource(properties = {"syncline.stream.client-buffer=20", "syncline.stream.write-stall=1s"})
class SlowClientIT extends StandaloneIntegrationTest {

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
    void aClientThatStopsReadingIsDroppedWhileAFastOneGetsEveryMessageInOrder() throws Exception {
        String token = client().login("alice", "secret").token();
        double dropsBefore = drops();
        try (Socket slow = StalledSseClient.open(port, token);
                StreamIT.Sse fast = StreamIT.Sse.open(port, token, "?topics=inventory", null)) {
            fast.awaitCondition(() -> hub.subscriptionCount() >= 2, "both clients subscribed");

            // rounds smaller than the client buffer, each read by the fast client before the next
            BulkMessages.publishInRounds(jdbc, transactions, hub, fast, MESSAGES, ROUND);
            List<Integer> order = BulkMessages.received(fast);
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(order.get(i)).isEqualTo(i);
            }
            fast.awaitCondition(() -> drops() > dropsBefore, "the silent client dropped");
            assertThat(hub.subscriptionCount()).isEqualTo(1);

            // the server ends the silent client's response: reading it now reaches the end
            StalledSseClient.Drained drained = StalledSseClient.drain(slow);
            assertThat(drained.head()).startsWith("HTTP/1.1 200");
            assertThat(drained.total())
                    .as("less than everything reached the silent client")
                    .isLessThan((long) MESSAGES * BulkMessages.PAD.length());
        }
    }

    private double drops() {
        return meters.get("syncline.stream.drops").counter().count();
    }
}
