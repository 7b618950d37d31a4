package io.syncline.gateway.channels.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.syncline.gateway.channels.ChannelKind;
import io.syncline.platform.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The decisions of each channel's breaker, rate limit and backoff, by counts rather than by waiting. */
class ChannelResilienceTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ChannelResilience resilience = new ChannelResilience(
            new PushProperties(
                    null,
                    null,
                    null,
                    null,
                    null,
                    new PushProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                    new PushProperties.Breaker(50, 4, Duration.ofSeconds(15)),
                    3,
                    null),
            provider(meters),
            clock);

    @Test
    void aChannelThatKeepsFailingOpensItsOwnBreakerAndNoOtherChannels() {
        CircuitBreaker down = resilience.breaker("m1", "down");
        CircuitBreaker up = resilience.breaker("m1", "up");
        for (int i = 0; i < 4; i++) {
            assertThat(down.tryAcquirePermission()).isTrue();
            down.onError(1, TimeUnit.MILLISECONDS, new RuntimeException("503"));
            assertThat(up.tryAcquirePermission()).isTrue();
            up.onSuccess(1, TimeUnit.MILLISECONDS);
        }
        assertThat(resilience.state("m1", "down")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(down.tryAcquirePermission()).as("open: no call goes out").isFalse();
        assertThat(resilience.state("m1", "up")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(resilience.state("m1", "never-pushed")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(meters.find("resilience4j.circuitbreaker.state")
                        .tag("name", "m1/down")
                        .tag("state", "open")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
    }

    @Test
    void anOpenBreakerLetsOneProbeThroughOnceItsWaitIsOverAndClosesWhenItSucceeds() {
        CircuitBreaker breaker = resilience.breaker("m1", "recovering");
        for (int i = 0; i < 4; i++) {
            breaker.tryAcquirePermission();
            breaker.onError(1, TimeUnit.MILLISECONDS, new RuntimeException("503"));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        clock.advance(Duration.ofSeconds(14));
        assertThat(breaker.tryAcquirePermission())
                .as("still open after 14 of 15 s")
                .isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(breaker.tryAcquirePermission()).as("one probe after 15 s").isTrue();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquirePermission())
                .as("only one probe at a time")
                .isFalse();
        breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailedProbeOpensTheBreakerAgain() {
        CircuitBreaker breaker = resilience.breaker("m1", "still-down");
        for (int i = 0; i < 4; i++) {
            breaker.tryAcquirePermission();
            breaker.onError(1, TimeUnit.MILLISECONDS, new RuntimeException("503"));
        }
        clock.advance(Duration.ofSeconds(16));
        assertThat(breaker.tryAcquirePermission()).isTrue();
        breaker.onError(1, TimeUnit.MILLISECONDS, new RuntimeException("503"));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void aFewFailuresAmongSuccessesKeepTheBreakerClosed() {
        CircuitBreaker breaker = resilience.breaker("m1", "flaky");
        for (int i = 0; i < 8; i++) {
            breaker.tryAcquirePermission();
            if (i % 4 == 0) {
                breaker.onError(1, TimeUnit.MILLISECONDS, new RuntimeException("timeout"));
            } else {
                breaker.onSuccess(1, TimeUnit.MILLISECONDS);
            }
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theRateLimitLetsThroughItsLimitPerSecondAndThenSaysHowLongToWait() {
        var limiter = resilience.limiter("m1", "shop", ChannelKind.SHOPIFY);
        assertThat(limiter.reservePermission()).isZero();
        assertThat(limiter.reservePermission()).isZero();
        assertThat(limiter.reservePermission()).isZero();
        assertThat(limiter.reservePermission()).as("no fourth call this second").isNotZero();
    }

    @Test
    void theBackoffDoublesWithFullJitterUpToItsCap() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration third = resilience.backoff(3);
            // the third interval is 4 s; full jitter spreads it over 0..8 s
            assertThat(third).isBetween(Duration.ZERO, Duration.ofSeconds(8));
            seen.add(third.toMillis());
            assertThat(resilience.backoff(20)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        }
        assertThat(seen).as("jittered, not one fixed wait").hasSizeGreaterThan(50);
    }

    private static org.springframework.beans.factory.ObjectProvider<MeterRegistry> provider(MeterRegistry registry) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meters", registry);
        return beans.getBeanProvider(MeterRegistry.class);
    }
}
