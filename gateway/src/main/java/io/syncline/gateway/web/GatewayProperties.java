package io.syncline.gateway.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and timeouts of the REST edge.
 *
 * @param maxBodySize          largest request body accepted; larger ones are answered 413
 * @param maxWait              cap on {@code Prefer: wait=N}
 * @param serviceTimeout       how long to wait for a service to answer a command or query before 503
 * @param readYourWritesTimeout how long a write waits for the read model to show it
 * @param idempotencyTtl       how long an {@code Idempotency-Key} is remembered
 * @param rateLimit            requests per user (per client address for the token endpoint)
 */
@ConfigurationProperties("syncline.gateway")
public record GatewayProperties(
        DataSize maxBodySize,
        Duration maxWait,
        Duration serviceTimeout,
        Duration readYourWritesTimeout,
        Duration idempotencyTtl,
        RateLimit rateLimit) {

    public GatewayProperties {
        maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofKilobytes(64);
        maxWait = maxWait != null ? maxWait : Duration.ofSeconds(30);
        serviceTimeout = serviceTimeout != null ? serviceTimeout : Duration.ofSeconds(10);
        readYourWritesTimeout = readYourWritesTimeout != null ? readYourWritesTimeout : Duration.ofSeconds(5);
        idempotencyTtl = idempotencyTtl != null ? idempotencyTtl : Duration.ofHours(24);
        rateLimit = rateLimit != null ? rateLimit : new RateLimit(0, null);
    }

    /** The defaults, as used when nothing is configured. */
    public static GatewayProperties defaults() {
        return new GatewayProperties(null, null, null, null, null, null);
    }

    /**
     * @param capacity requests allowed per period
     * @param period   the window after which the whole capacity is available again
     */
    public record RateLimit(long capacity, Duration period) {

        public RateLimit {
            capacity = capacity > 0 ? capacity : 100;
            period = period != null && !period.isZero() && !period.isNegative() ? period : Duration.ofSeconds(1);
        }
    }
}
