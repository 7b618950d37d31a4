package io.syncline.live.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.gateway.channels.push.ChannelStatusChanged;
import io.syncline.gateway.channels.push.ChannelStatuses;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code channels} topic: {@code channel.status} with a channel's sync as its status route shows it,
 * sent to its merchant when a push or a delivery may have changed it, at most once per channel every
 * {@value #COALESCE_MS} ms. Live only, like {@code health.changed}: the route gives the current status after a
 * reconnect.
 */
@Component
public class ChannelStatusStream implements SmartLifecycle {

    static final String CHANNEL_STATUS = "channel.status";
    static final long COALESCE_MS = 500;
    private static final Logger log = LoggerFactory.getLogger(ChannelStatusStream.class);

    private final StreamHub hub;
    private final ChannelStatuses statuses;
    private final HealthMessageIds ids;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final Set<ChannelStatusChanged> due = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    public ChannelStatusStream(StreamHub hub, ChannelStatuses statuses, HealthMessageIds ids, ObjectMapper json) {
        this.hub = hub;
        this.statuses = statuses;
        this.ids = ids;
        this.json = json;
    }

    @EventListener
    void on(ChannelStatusChanged changed) {
        ScheduledExecutorService timer = scheduler;
        if (timer != null && due.add(changed)) {
            timer.schedule(() -> send(changed), COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void send(ChannelStatusChanged changed) {
        due.remove(changed);
        try {
            statuses.of(changed.merchantId(), changed.channelId()).ifPresent(status -> {
                ObjectNode data = json.valueToTree(status);
                data.put("merchantId", changed.merchantId());
                data.put("at", clock.instant().toString());
                try {
                    hub.sendLiveOnly(new StreamMessage(
                            ids.next(),
                            changed.merchantId(),
                            StreamTopic.CHANNELS,
                            CHANNEL_STATUS,
                            json.writeValueAsString(data),
                            null));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not stream the status of channel {}: {}", changed.channelId(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stream-channel-status");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
