package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamMetricsTest {

    private final InMemoryStreamStore store = new InMemoryStreamStore();
    private final StreamHub hub = new StreamHub(
            store,
            StreamHubTest.properties(100),
            Clock.systemUTC(),
            Executors.newSingleThreadScheduledExecutor(),
            new DirectExecutorService(),
            2);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StreamConnections connections = new StreamConnections(StreamAccessProperties.defaults());

    @AfterEach
    void stop() {
        hub.stop();
    }

    @Test
    void countsConnectionsMessagesResumesAndDrops() {
        new StreamMetrics(registry, connections, hub);
        hub.start();
        connections.acquire("alice");
        store.clock(java.time.Instant.now());
        store.append("m1", StreamTopic.ORDERS, "order.placed");
        hub.subscribe("m1", EnumSet.allOf(StreamTopic.class), 0L, new RecordingSink());
        RecordingSink live = new RecordingSink();
        hub.subscribe("m1", EnumSet.allOf(StreamTopic.class), null, live);

        store.append("m1", StreamTopic.ORDERS, "order.placed");
        hub.poll();
        for (int i = 0; i < 3; i++) {
            store.append("m1", StreamTopic.ORDERS, "order.placed");
        }
        hub.poll();

        assertThat(registry.get("syncline.stream.connections").gauge().value()).isEqualTo(1);
        assertThat(registry.get("syncline.stream.resumes").counter().count()).isEqualTo(1);
        assertThat(registry.get("syncline.stream.messages").counter().count()).isGreaterThanOrEqualTo(3);
        assertThat(registry.get("syncline.stream.delivery.latency").timer().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(registry.get("syncline.stream.drops").counter().count()).isZero();
    }
}
