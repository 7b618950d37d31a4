package io.syncline.simulator;

import java.time.Duration;

/**
 * How webhooks are sent: a delivery not answered 2xx within {@code timeout} is retried up to {@code maxRetries}
 * times, waiting {@code retryInterval} before the first retry and doubling up to {@code maxRetryInterval}, as
 * Shopify does (8 retries). Null fields take those defaults.
 */
public record WebhookSettings(Duration timeout, Integer maxRetries, Duration retryInterval, Duration maxRetryInterval) {

    public WebhookSettings {
        timeout = timeout != null ? timeout : Duration.ofSeconds(5);
        retryInterval = retryInterval != null ? retryInterval : Duration.ofSeconds(1);
        maxRetryInterval = maxRetryInterval != null ? maxRetryInterval : Duration.ofHours(1);
        maxRetries = maxRetries != null ? maxRetries : 8;
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (timeout.isNegative() || timeout.isZero() || retryInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "the webhook timeout must be positive and the retry interval not negative");
        }
    }

    /** 5 s to answer, 8 retries, 1 s before the first retry, at most an hour between two. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(Duration.ofSeconds(5), 8, Duration.ofSeconds(1), Duration.ofHours(1));
    }

    public WebhookSettings withTimeout(Duration value) {
        return new WebhookSettings(value, maxRetries, retryInterval, maxRetryInterval);
    }

    public WebhookSettings withRetryInterval(Duration value) {
        return new WebhookSettings(timeout, maxRetries, value, maxRetryInterval);
    }

    public WebhookSettings withMaxRetries(int value) {
        return new WebhookSettings(timeout, value, retryInterval, maxRetryInterval);
    }

    /** The wait before retry number {@code retry} (1 for the first). */
    public Duration backoff(int retry) {
        Duration wait = retryInterval.multipliedBy(1L << Math.min(Math.max(retry - 1, 0), 30));
        return wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait;
    }
}
