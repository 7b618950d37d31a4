package io.syncline.live.stream.ws;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Acknowledged delivery of critical messages ({@code stock.low}, {@code stock.stockout-predicted},
 * {@code health.changed}) on WebSocket.
 *
 * @param ackRedelivery  how often an unacknowledged message is sent again to the connected clients
 * @param ackTtl         how long an unacknowledged message is kept (and redelivered)
 * @param ackMaxPending  unacknowledged messages kept (in the database) per user and merchant; the oldest go first
 */
@ConfigurationProperties("syncline.stream")
public record AckProperties(Duration ackRedelivery, Duration ackTtl, Integer ackMaxPending) {

    public AckProperties {
        ackRedelivery = positive(ackRedelivery, Duration.ofSeconds(5), "ack-redelivery");
        ackTtl = positive(ackTtl, Duration.ofHours(1), "ack-ttl");
        ackMaxPending = ackMaxPending == null ? 1000 : ackMaxPending;
        if (ackMaxPending < 1) {
            throw new IllegalArgumentException("syncline.stream.ack-max-pending must be at least 1");
        }
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
