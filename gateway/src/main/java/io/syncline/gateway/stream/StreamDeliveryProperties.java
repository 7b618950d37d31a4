package io.syncline.gateway.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the hub writes to its clients.
 *
 * @param deliveryThreads threads that write to all clients; the available processors when absent
 * @param writeStall      how long one write to a client may block (its socket buffer full: it stopped
 *                        reading) before the client is dropped; it resumes by id
 */
@ConfigurationProperties("syncline.stream")
public record StreamDeliveryProperties(Integer deliveryThreads, Duration writeStall) {

    public StreamDeliveryProperties {
        deliveryThreads = deliveryThreads == null ? Runtime.getRuntime().availableProcessors() : deliveryThreads;
        if (deliveryThreads < 1) {
            throw new IllegalArgumentException("syncline.stream.delivery-threads must be at least 1");
        }
        writeStall = writeStall == null ? Duration.ofSeconds(2) : writeStall;
        if (writeStall.isZero() || writeStall.isNegative()) {
            throw new IllegalArgumentException("syncline.stream.write-stall must be positive");
        }
    }

    /** All defaults. */
    public static StreamDeliveryProperties defaults() {
        return new StreamDeliveryProperties(null, null);
    }
}
