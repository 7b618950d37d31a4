package io.syncline.gateway.channels.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How webhook deliveries are taken in and processed.
 *
 * @param maxBodySize       largest delivery accepted; larger ones are answered 413
 * @param processing        whether this process processes stored deliveries (storing never stops)
 * @param workers           deliveries processed at the same time
 * @param pollInterval      how often the inbox is looked at for deliveries due, besides each new one
 * @param claimTimeout      how long a delivery being processed is hidden from other processors; one left
 *                          by a crashed process is taken up again after this
 * @param apiTimeout        timeout of a call to the channel's API (e.g. TikTok Shop's order read)
 * @param retention         how long a delivery that is done (processed, ignored, or failed for good) is kept,
 *                          to be listed and to recognise its copies
 * @param retry             backoff of a delivery whose failure may pass
 */
@ConfigurationProperties("syncline.channels.deliveries")
public record DeliveryProperties(
        DataSize maxBodySize,
        Boolean processing,
        Integer workers,
        Duration pollInterval,
        Duration claimTimeout,
        Duration apiTimeout,
        Duration retention,
        Retry retry) {

    public DeliveryProperties {
        maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofMegabytes(1);
        processing = processing == null || processing;
        workers = workers != null && workers > 0 ? workers : 4;
        pollInterval = positive(pollInterval, Duration.ofSeconds(2));
        claimTimeout = positive(claimTimeout, Duration.ofMinutes(2));
        apiTimeout = positive(apiTimeout, Duration.ofSeconds(10));
        retention = positive(retention, Duration.ofDays(30));
        retry = retry != null ? retry : new Retry(null, null, null);
    }

    /**
     * @param initialInterval wait before the first retry; it doubles with every attempt
     * @param maxInterval     longest wait between two attempts
     * @param maxAttempts     attempts after which a delivery stays FAILED until retried on request
     */
    public record Retry(Duration initialInterval, Duration maxInterval, Integer maxAttempts) {

        public Retry {
            initialInterval = positive(initialInterval, Duration.ofSeconds(10));
            maxInterval = positive(maxInterval, Duration.ofHours(1));
            maxAttempts = maxAttempts != null && maxAttempts > 0 ? maxAttempts : 20;
        }

        /** The wait after the given number of attempts (1 after the first). */
        public Duration after(int attempts) {
            Duration wait = initialInterval;
            for (int i = 1; i < attempts && wait.compareTo(maxInterval) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxInterval) > 0 ? maxInterval : wait;
        }
    }

    private static Duration positive(Duration value, Duration otherwise) {
        return value != null && !value.isNegative() && !value.isZero() ? value : otherwise;
    }
}
