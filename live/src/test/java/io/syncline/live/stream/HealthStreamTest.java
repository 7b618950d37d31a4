package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;

class HealthStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamHub hub = new StreamHub(
            new InMemoryStreamStore(),
            StreamHubTest.properties(100),
            Clock.systemUTC(),
            Executors.newSingleThreadScheduledExecutor(),
            new DirectExecutorService(),
            100);
    private final AtomicReference<HealthComponent> health =
            new AtomicReference<>(Health.up().build());
    private final AtomicLong sequence = new AtomicLong(40);
    private final HealthStream stream = new HealthStream(
            hub,
            health::get,
            JSON,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            1000,
            new HealthMessageIds(sequence::incrementAndGet));

    @AfterEach
    void stop() {
        hub.stop();
    }

    @Test
    void sendsAChangeOfStatusToEveryConnectedMerchantOnTheHealthTopicOnly() throws Exception {
        hub.start();
        RecordingSink m1 = new RecordingSink();
        RecordingSink m2 = new RecordingSink();
        RecordingSink ordersOnly = new RecordingSink();
        hub.subscribe("m1", EnumSet.allOf(StreamTopic.class), null, m1);
        hub.subscribe("m2", Set.of(StreamTopic.HEALTH), null, m2);
        hub.subscribe("m1", Set.of(StreamTopic.ORDERS), null, ordersOnly);

        stream.check();
        stream.check();
        assertThat(m1.messages()).isEmpty();

        health.set(Health.down().build());
        stream.check();
        stream.check();

        assertThat(m1.types()).containsExactly("health.changed");
        assertThat(m2.types()).containsExactly("health.changed");
        assertThat(ordersOnly.messages()).isEmpty();
        StreamMessage message = m2.messages().get(0);
        JsonNode data = JSON.readTree(message.data());
        assertThat(data.get("merchantId").asText()).isEqualTo("m2");
        assertThat(data.get("status").asText()).isEqualTo("DOWN");
        assertThat(data.get("at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(data.has("components")).isTrue();
        assertThat(message.id()).isNegative();
        assertThat(message.sseFrame()).startsWith("event: health.changed\n").doesNotContain("id:");
    }

    @Test
    void eachChangeHasTheNextSequenceValueNegatedAsItsId() {
        hub.start();
        RecordingSink sink = new RecordingSink();
        hub.subscribe("m1", Set.of(StreamTopic.HEALTH), null, sink);
        stream.check();

        health.set(Health.down().build());
        stream.check();
        health.set(Health.up().build());
        stream.check();

        // nothing reserved at first: the first change's id comes from the clock, then the sequence's
        assertThat(sink.ids()).hasSize(2);
        assertThat(sink.ids().get(0)).isLessThan(-(1L << 52));
        assertThat(sink.ids().get(1)).isEqualTo(-41L);
        assertThat(sink.messages().get(1).data()).contains("\"status\":\"UP\"");
    }
}
