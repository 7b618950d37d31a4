package io.syncline.live.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub writes to its clients.
 *
 * @param deliveryThreads threads that write to all clients; the available processors when absent
 * @param writeStall      how long one write to a client may block (its socket buffer full: it stopped
 *                        reading) before the client is dropped; it resumes by id
 * @param coalesceWindow  how long a coalescing client's live messages wait, so that the {@code stock.changed}
 *                        of one SKU within it reach the client as the newest only
 */
@ConfigurationProperties("syncline.stream")
public record StreamDeliveryProperties(Integer deliveryThreads, Duration writeStall, Duration coalesceWindow) {

    public StreamDeliveryProperties {
        deliveryThreads = deliveryThreads == null ? Runtime.getRuntime().availableProcessors() : deliveryThreads;
        if (deliveryThreads < 1) {
            throw new IllegalArgumentException("syncline.stream.delivery-threads must be at least 1");
        }
        writeStall = writeStall == null ? Duration.ofSeconds(2) : writeStall;
        if (writeStall.isZero() || writeStall.isNegative()) {
            throw new IllegalArgumentException("syncline.stream.write-stall must be positive");
        }
        coalesceWindow = coalesceWindow == null ? Duration.ofMillis(100) : coalesceWindow;
        if (coalesceWindow.isZero() || coalesceWindow.isNegative()) {
            throw new IllegalArgumentException("syncline.stream.coalesce-window must be positive");
        }
    }

    /** All defaults. */
    public static StreamDeliveryProperties defaults() {
        return new StreamDeliveryProperties(null, null, null);
    }
}
