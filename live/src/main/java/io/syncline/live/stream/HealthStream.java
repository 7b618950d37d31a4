package io.syncline.live.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The {@code health} topic: polls this instance's aggregate health every {@code health-poll} and, when its
 * status changes, sends {@code health.changed} to every connected merchant (its own id in the data).
 * Health messages are live only, not stored: over SSE they carry no {@code id:} (a reconnect resumes
 * from the last order or stock message), over WebSocket a negative id, unique across gateways and restarts
 * ({@link HealthMessageIds}), that serves only to acknowledge.
 */
@Component
public class HealthStream implements SmartLifecycle {

    static final String HEALTH_CHANGED = "health.changed";
    private static final Logger log = LoggerFactory.getLogger(HealthStream.class);

    private final StreamHub hub;
    private final Supplier<HealthComponent> health;
    private final ObjectMapper json;
    private final Clock clock;
    private final long pollMillis;
    private final HealthMessageIds ids;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;
    private String lastStatus;

    @Autowired
    public HealthStream(
            StreamHub hub,
            ObjectProvider<HealthEndpoint> endpoint,
            ObjectMapper json,
            StreamAccessProperties access,
            HealthMessageIds ids) {
        this(
                hub,
                () -> {
                    HealthEndpoint e = endpoint.getIfAvailable();
                    return e == null ? null : e.health();
                },
                json,
                Clock.systemUTC(),
                access.healthPoll().toMillis(),
                ids);
    }

    HealthStream(
            StreamHub hub,
            Supplier<HealthComponent> health,
            ObjectMapper json,
            Clock clock,
            long pollMillis,
            HealthMessageIds ids) {
        this.ids = ids;
        this.hub = hub;
        this.health = health;
        this.json = json;
        this.clock = clock;
        this.pollMillis = pollMillis;
    }

    /** The aggregate status as last polled; {@code null} before the first poll. */
    public synchronized String lastStatus() {
        return lastStatus;
    }

    /** Looks at the health once; streams a change. The first look only records the status. */
    synchronized void check() {
        HealthComponent now = health.get();
        if (now == null) {
            return;
        }
        String status = now.getStatus().getCode();
        String previous = lastStatus;
        lastStatus = status;
        if (previous == null || previous.equals(status)) {
            return;
        }
        Map<String, String> components = new LinkedHashMap<>();
        if (now instanceof CompositeHealth composite && composite.getComponents() != null) {
            composite
                    .getComponents()
                    .forEach((name, c) -> components.put(name, c.getStatus().getCode()));
        }
        long id = ids.next();
        String at = clock.instant().toString();
        hub.broadcast(
                StreamTopic.HEALTH,
                merchantId -> new StreamMessage(
                        id,
                        merchantId,
                        StreamTopic.HEALTH,
                        HEALTH_CHANGED,
                        data(merchantId, status, components, at),
                        null));
        log.info("Health changed from {} to {}", previous, status);
        // after the broadcast: a database that is down delays the next check, not this message
        ids.reserve();
    }

    private String data(String merchantId, String status, Map<String, String> components, String at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("merchantId", merchantId);
        data.put("status", status);
        data.put("components", components);
        data.put("at", at);
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stream-health");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(ids::reserve);
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        check();
                    } catch (RuntimeException e) {
                        log.warn("Checking health for the stream failed", e);
                    }
                },
                pollMillis,
                pollMillis,
                TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
