package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.it.StreamIT.Event;
import io.syncline.it.StreamIT.Sse;
import io.syncline.it.WebSocketStreamIT.Frame;
import io.syncline.it.WebSocketStreamIT.Ws;
import io.syncline.live.stream.HealthStream;
import io.syncline.live.stream.StreamHub;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code health.changed} end to end: {@link SwitchableHealth} turns the aggregate health down and up, the
 * health poll ({@code 200ms} in the it profile) notices, and every client subscribed to {@code health} hears
 * it with its own merchant's id; on WebSocket it is sent again until acknowledged.
 */
class HealthStreamIT extends StandaloneIntegrationTest {

    @Autowired
    private SwitchableHealth health;

    @Autowired
    private StreamHub hub;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private HealthStream healthStream;

    /** A change is only streamed against what the poll saw last: until it has seen UP, a DOWN is no change. */
    @BeforeEach
    void pollSawHealthUp() {
        await(() -> "UP".equals(healthStream.lastStatus()), "the health poll seeing UP");
    }

    @AfterEach
    void healthUpAgain() {
        health.up();
        await(() -> alice.get("/actuator/health").status() == 200, "the health UP again");
    }

    @Test
    void sseClientsHearTheHealthGoDownAndUpWithTheirOwnMerchantId() {
        try (Sse aliceSse = Sse.open(port, alice.token(), "?topics=health", null);
                Sse bobSse = Sse.open(port, bob.token(), "?topics=health", null)) {
            health.down();
            Event aliceDown = aliceSse.await(e -> e.is("health.changed") && "DOWN".equals(e.field("status")));
            Event bobDown = bobSse.await(e -> e.is("health.changed") && "DOWN".equals(e.field("status")));
            health.up();
            aliceSse.await(e -> e.is("health.changed") && "UP".equals(e.field("status")));
            bobSse.await(e -> e.is("health.changed") && "UP".equals(e.field("status")));

            assertThat(aliceDown.merchantId()).isEqualTo("m1");
            assertThat(bobDown.merchantId()).isEqualTo("m2");
            assertThat(aliceDown.data().get("components").get("switchable").asText())
                    .isEqualTo("DOWN");
            assertThat(aliceDown.data().has("at")).isTrue();
            // live only: no id (the stream has sent none before on this topic)
            assertThat(aliceDown.id()).isNull();
            assertThat(statuses(aliceSse.received())).containsExactly("DOWN", "UP");
            assertThat(statuses(bobSse.received())).containsExactly("DOWN", "UP");
            assertThat(aliceSse.received()).extracting(Event::merchantId).containsOnly("m1");
            assertThat(bobSse.received()).extracting(Event::merchantId).containsOnly("m2");
        }
    }

    @Test
    void onWebSocketAnUnacknowledgedHealthChangeIsSentAgainAfterAReconnectAndNotOnceAcknowledged() throws Exception {
        long downId;
        try (Ws first = Ws.open(port, null, alice.token())) {
            subscribeToHealth(first);
            health.down();
            Frame down = first.await(f -> "health.changed".equals(f.type()) && "DOWN".equals(f.field("status")));
            downId = down.id();
            assertThat(downId).isNegative();
            assertThat(down.field("merchantId")).isEqualTo("m1");
        }
        long upId;
        try (Ws second = Ws.open(port, null, alice.token())) {
            // live from now: the DOWN can only come again as a redelivery
            subscribeToHealth(second);
            Frame again = second.await(f -> f.id() == downId);
            assertThat(again.field("status")).isEqualTo("DOWN");
            second.send("{\"ack\":" + downId + "}");

            health.up();
            Frame up = second.await(f -> "health.changed".equals(f.type()) && "UP".equals(f.field("status")));
            upId = up.id();
            assertThat(upId).isNegative().isNotEqualTo(downId);
            second.send("{\"ack\":" + upId + "}");
            await(() -> pending(downId, upId) == 0, "both acknowledgements recorded");
        }
        try (Ws third = Ws.open(port, null, alice.token())) {
            subscribeToHealth(third);
            Thread.sleep(1500);
            assertThat(third.count(f -> f.id() == downId || f.id() == upId)).isZero();
        }
    }

    private int pending(long... ids) {
        int count = 0;
        for (long id : ids) {
            count += jdbc.queryForObject(
                    "select count(*) from stream_pending_acks where message_id = ?", Integer.class, id);
        }
        return count;
    }

    /** Subscribes and waits until the hub holds the subscription, so that no change is missed. */
    private void subscribeToHealth(Ws ws) {
        int before = hub.subscriptionCount();
        ws.send("{\"subscribe\":[\"health\"]}");
        await(() -> hub.subscriptionCount() > before, "the WebSocket subscribed");
    }

    private static List<String> statuses(List<Event> events) {
        return events.stream()
                .filter(e -> e.is("health.changed"))
                .map(e -> e.field("status"))
                .toList();
    }
}
