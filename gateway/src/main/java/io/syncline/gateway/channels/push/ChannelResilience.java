package io.syncline.gateway.channels.push;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.syncline.gateway.channels.ChannelKind;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Each channel's circuit breaker and rate limit, and the backoff of a failed push. A channel that fails
 * opens its own breaker: its pushes wait without holding a worker, and the other channels go on.
 * Breakers and limiters are named {@code merchant/channel}; their states are meters
 * ({@code resilience4j.circuitbreaker.state}, tagged {@code name}).
 */
@Component
class ChannelResilience {

    private static final Logger log = LoggerFactory.getLogger(ChannelResilience.class);

    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;
    private final IntervalFunction backoff;
    private final PushProperties properties;

    @Autowired
    ChannelResilience(PushProperties properties, ObjectProvider<MeterRegistry> meters) {
        this(properties, meters, Clock.systemUTC());
    }

    /** @param clock what the breakers wait by (a test's own clock) */
    ChannelResilience(PushProperties properties, ObjectProvider<MeterRegistry> meters, Clock clock) {
        this.properties = properties;
        PushProperties.Breaker b = properties.breaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.window())
                .minimumNumberOfCalls(b.window())
                .failureRateThreshold(b.failureRate())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(clock)
                .build());
        this.limiters = RateLimiterRegistry.ofDefaults();
        // full jitter: anywhere between nothing and twice the doubling interval
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(
                properties.retry().initialInterval(),
                2.0,
                1.0,
                properties.retry().maxInterval());
        meters.ifAvailable(registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
            TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(registry);
        });
        breakers.getEventPublisher().onEntryAdded(added -> added.getAddedEntry()
                .getEventPublisher()
                .onStateTransition(t ->
                        log.warn("Channel {}: circuit breaker {}", t.getCircuitBreakerName(), t.getStateTransition())));
    }

    CircuitBreaker breaker(String merchantId, String channelId) {
        return breakers.circuitBreaker(name(merchantId, channelId));
    }

    RateLimiter limiter(String merchantId, String channelId, ChannelKind kind) {
        int rate = kind == ChannelKind.SHOPIFY ? properties.shopifyRate() : properties.tiktokRate();
        return limiters.rateLimiter(
                name(merchantId, channelId),
                RateLimiterConfig.custom()
                        .limitForPeriod(rate)
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(Duration.ZERO)
                        .build());
    }

    /** The breaker's state without making one for a channel that never pushed. */
    CircuitBreaker.State state(String merchantId, String channelId) {
        return breakers.find(name(merchantId, channelId))
                .map(CircuitBreaker::getState)
                .orElse(CircuitBreaker.State.CLOSED);
    }

    /** The wait after the given number of failed attempts (1 after the first). */
    Duration backoff(int attempts) {
        return Duration.ofMillis(backoff.apply(Math.max(1, attempts)));
    }

    Duration openFor() {
        return properties.breaker().openFor();
    }

    private static String name(String merchantId, String channelId) {
        return merchantId + "/" + channelId;
    }
}
