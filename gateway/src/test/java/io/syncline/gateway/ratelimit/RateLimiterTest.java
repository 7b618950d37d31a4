package io.syncline.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import io.syncline.gateway.web.GatewayProperties;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void allowsTheCapacityPerPeriodThenRefuses() {
        RateLimiter limiter = new RateLimiter(new GatewayProperties.RateLimit(3, Duration.ofSeconds(10)), clock);
        assertThat(limiter.consume("u").remaining()).isEqualTo(2);
        assertThat(limiter.consume("u").remaining()).isEqualTo(1);
        RateLimiter.Decision last = limiter.consume("u");
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();

        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        RateLimiter.Decision refused = limiter.consume("u");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
        assertThat(refused.limitHeader()).isEqualTo("\"default\";r=0;t=6");
        assertThat(refused.policyHeader()).isEqualTo("\"default\";q=3;w=10");
    }

    @Test
    void refillsTheWholeCapacityAfterThePeriod() {
        RateLimiter limiter = new RateLimiter(new GatewayProperties.RateLimit(2, Duration.ofSeconds(1)), clock);
        limiter.consume("u");
        limiter.consume("u");
        assertThat(limiter.consume("u").allowed()).isFalse();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        RateLimiter.Decision again = limiter.consume("u");
        assertThat(again.allowed()).isTrue();
        assertThat(again.remaining()).isEqualTo(1);
    }

    @Test
    void keepsABucketPerKey() {
        RateLimiter limiter = new RateLimiter(new GatewayProperties.RateLimit(1, Duration.ofSeconds(1)), clock);
        assertThat(limiter.consume("a").allowed()).isTrue();
        assertThat(limiter.consume("a").allowed()).isFalse();
        assertThat(limiter.consume("b").allowed()).isTrue();
    }

    @Test
    void defaultsToOneHundredPerSecond() {
        GatewayProperties.RateLimit defaults = GatewayProperties.defaults().rateLimit();
        RateLimiter.Decision first = new RateLimiter(defaults, clock).consume("u");
        assertThat(first.policyHeader()).isEqualTo("\"default\";q=100;w=1");
        assertThat(first.limitHeader()).isEqualTo("\"default\";r=99;t=1");
    }
}
