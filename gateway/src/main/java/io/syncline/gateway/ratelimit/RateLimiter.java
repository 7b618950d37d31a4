package io.syncline.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.syncline.gateway.web.GatewayProperties;
import java.time.Duration;

/**
 * A token bucket per key (user, or client address): {@code capacity} requests, all of them given
 * back every {@code period}. Buckets live in a bounded cache, so unknown keys cannot exhaust memory.
 */
public class RateLimiter {

    static final String POLICY = "default";
    private static final long MAX_KEYS = 100_000;

    private final long capacity;
    private final Duration period;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(GatewayProperties.RateLimit limit) {
        this(limit, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimiter(GatewayProperties.RateLimit limit, TimeMeter clock) {
        this.capacity = limit.capacity();
        this.period = limit.period();
        this.clock = clock;
        // a bucket untouched for a whole period is full again: forgetting it changes nothing
        Duration idle = period.compareTo(Duration.ofMinutes(1)) > 0 ? period : Duration.ofMinutes(1);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(idle)
                .build();
    }

    /** Takes one request from the key's bucket. */
    public Decision consume(String key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(capacity).refillIntervally(capacity, period))
                .withCustomTimePrecision(clock)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(
                probe.isConsumed(),
                capacity,
                seconds(period.toNanos()),
                probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * The outcome and the numbers the headers report.
     *
     * @param windowSeconds  the period, in whole seconds (at least 1)
     * @param resetSeconds   until the whole capacity is back
     * @param retryAfterSeconds until a refused request may succeed
     */
    public record Decision(
            boolean allowed,
            long capacity,
            long windowSeconds,
            long remaining,
            long resetSeconds,
            long retryAfterSeconds) {

        public Decision {
            windowSeconds = Math.max(1, windowSeconds);
        }

        /** {@code RateLimit-Policy}, per the IETF RateLimit header fields draft. */
        public String policyHeader() {
            return "\"" + POLICY + "\";q=" + capacity + ";w=" + windowSeconds;
        }

        /** {@code RateLimit}: remaining requests and seconds until they are all back. */
        public String limitHeader() {
            return "\"" + POLICY + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }
}
