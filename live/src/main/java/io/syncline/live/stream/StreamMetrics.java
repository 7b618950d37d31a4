package io.syncline.live.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The stream's Micrometer meters: {@code syncline.stream.connections} (open streams),
 * {@code syncline.stream.messages} (messages written to clients; its rate is messages/s),
 * {@code syncline.stream.drops} (clients cut off for falling behind), {@code syncline.stream.resumes}
 * (connections resuming after an id) and {@code syncline.stream.delivery.latency} (from a message's
 * commit to its write to a live client).
 */
@Component
public class StreamMetrics implements StreamHub.Monitor {

    private final Counter messages;
    private final Counter drops;
    private final Counter resumes;
    private final Timer latency;
    private final Clock clock = Clock.systemUTC();

    public StreamMetrics(MeterRegistry registry, StreamConnections connections, StreamHub hub) {
        Gauge.builder("syncline.stream.connections", connections, StreamConnections::open)
                .description("Open stream connections (SSE and WebSocket)")
                .register(registry);
        messages = Counter.builder("syncline.stream.messages")
                .description("Messages written to stream clients")
                .register(registry);
        drops = Counter.builder("syncline.stream.drops")
                .description("Stream clients cut off for falling behind")
                .register(registry);
        resumes = Counter.builder("syncline.stream.resumes")
                .description("Stream connections resuming after an id")
                .register(registry);
        latency = Timer.builder("syncline.stream.delivery.latency")
                .description("From a message's commit to its write to a live client")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        hub.monitor(this);
    }

    @Override
    public void delivered(StreamMessage message, boolean live) {
        messages.increment();
        Instant created = message.createdAt();
        if (live && created != null) {
            Duration elapsed = Duration.between(created, clock.instant());
            if (!elapsed.isNegative()) {
                latency.record(elapsed);
            }
        }
    }

    @Override
    public void dropped() {
        drops.increment();
    }

    @Override
    public void resumed() {
        resumes.increment();
    }
}
