package io.syncline.gateway.channels.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How stock is pushed to the channels.
 *
 * @param workers            pushes sent at the same time (never two to one channel from one process)
 * @param pollInterval       how often due pushes are looked for besides each stock change
 * @param coalesce           how long a change waits for the ones that follow it before it is pushed: a burst
 *                           of changes becomes one push per this interval at most
 * @param claimTimeout       after this a push whose process died is taken up by another
 * @param requestTimeout     connect and read timeout of a call to a channel
 * @param retry              backoff of a failed push
 * @param breaker            the circuit breaker of each channel
 * @param shopifyRate        calls per second to one Shopify shop at most (its throttle may ask for fewer)
 * @param tiktokRate         calls per second to one TikTok shop at most
 */
@ConfigurationProperties("syncline.channels.push")
public record PushProperties(
        Integer workers,
        Duration pollInterval,
        Duration coalesce,
        Duration claimTimeout,
        Duration requestTimeout,
        Retry retry,
        Breaker breaker,
        Integer shopifyRate,
        Integer tiktokRate) {

    public PushProperties {
        workers = workers != null && workers > 0 ? workers : 4;
        pollInterval = positive(pollInterval, Duration.ofSeconds(2));
        coalesce = coalesce != null && !coalesce.isNegative() ? coalesce : Duration.ofMillis(250);
        claimTimeout = positive(claimTimeout, Duration.ofMinutes(1));
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(10));
        retry = retry != null ? retry : new Retry(null, null);
        breaker = breaker != null ? breaker : new Breaker(null, null, null);
        shopifyRate = shopifyRate != null && shopifyRate > 0 ? shopifyRate : 4;
        tiktokRate = tiktokRate != null && tiktokRate > 0 ? tiktokRate : 10;
    }

    /**
     * @param initialInterval first wait after a failure; it doubles per attempt, with full jitter
     * @param maxInterval     longest wait (the push is retried until it goes through)
     */
    public record Retry(Duration initialInterval, Duration maxInterval) {
        public Retry {
            initialInterval = positive(initialInterval, Duration.ofSeconds(1));
            maxInterval = positive(maxInterval, Duration.ofMinutes(5));
        }
    }

    /**
     * @param failureRate percentage of failed calls among the last {@code window} that opens it
     * @param window      calls the failure rate is measured over (and the least before it may open)
     * @param openFor     how long it stays open before it lets a probe through
     */
    public record Breaker(Integer failureRate, Integer window, Duration openFor) {
        public Breaker {
            failureRate = failureRate != null && failureRate > 0 && failureRate <= 100 ? failureRate : 50;
            window = window != null && window > 1 ? window : 6;
            openFor = positive(openFor, Duration.ofSeconds(15));
        }
    }

    private static Duration positive(Duration value, Duration otherwise) {
        return value != null && !value.isNegative() && !value.isZero() ? value : otherwise;
    }
}
