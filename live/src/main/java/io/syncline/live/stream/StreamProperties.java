package io.syncline.live.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the live stream.
 *
 * @param heartbeat    how often an idle connection gets a comment line (keep it under 15 s)
 * @param retry        the reconnect delay suggested to clients at connect ({@code retry:})
 * @param pollInterval how often each instance looks for new stream messages in the database while they come
 * @param idlePollInterval how often it looks once a look found nothing: the wait doubles from {@code pollInterval}
 *                     up to this; its own projection's messages are taken at once either way
 * @param retention    how long stream messages are kept for resuming clients
 * @param tailSize     how many recent messages each instance keeps in memory for fast resumes
 */
@ConfigurationProperties("syncline.stream")
public record StreamProperties(
        Duration heartbeat,
        Duration retry,
        Duration pollInterval,
        Duration idlePollInterval,
        Duration retention,
        Integer tailSize) {

    public StreamProperties {
        heartbeat = positive(heartbeat, Duration.ofSeconds(10), "heartbeat");
        retry = positive(retry, Duration.ofSeconds(3), "retry");
        pollInterval = positive(pollInterval, Duration.ofMillis(100), "poll-interval");
        idlePollInterval = positive(idlePollInterval, Duration.ofSeconds(1), "idle-poll-interval");
        if (idlePollInterval.compareTo(pollInterval) < 0) {
            idlePollInterval = pollInterval;
        }
        retention = positive(retention, Duration.ofHours(24), "retention");
        tailSize = tailSize == null ? 10_000 : tailSize;
        if (tailSize < 1) {
            throw new IllegalArgumentException("syncline.stream.tail-size must be at least 1");
        }
    }

    /** All defaults. */
    public static StreamProperties defaults() {
        return new StreamProperties(null, null, null, null, null, null);
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("syncline.stream." + name + " must be positive");
        }
        return value;
    }
}
