package io.syncline.gateway.channels.push;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.syncline.gateway.channels.ChannelAccess;
import io.syncline.gateway.channels.ChannelRegistry;
import io.syncline.gateway.channels.Workers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due pushes: workers claim a listing, pass it through its channel's circuit breaker and rate limit,
 * push its newest wanted quantity and record the answer. A failure waits with exponential backoff and full
 * jitter, an open breaker or a throttle postpones without an attempt; the wanted quantity stays in the
 * listing's row meanwhile, so nothing is lost. One push per channel at a time from this process, so a slow
 * channel holds one worker at most.
 */
@Component
class PushWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushWorkers.class);
    private static final Duration BUSY_CHANNEL = Duration.ofMillis(200);

    private final PushBook book;
    private final ChannelRegistry registry;
    private final ChannelPusher pusher;
    private final ChannelResilience resilience;
    private final PushSignal signal;
    private final PushProperties properties;
    private final ApplicationEventPublisher statusChanges;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService ticker;
    private volatile boolean running;

    PushWorkers(
            PushBook book,
            ChannelRegistry registry,
            ChannelPusher pusher,
            ChannelResilience resilience,
            PushSignal signal,
            PushProperties properties,
            ApplicationEventPublisher statusChanges) {
        this.book = book;
        this.registry = registry;
        this.pusher = pusher;
        this.resilience = resilience;
        this.signal = signal;
        this.properties = properties;
        this.statusChanges = statusChanges;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        // one look at the table per poll interval whatever the number of workers: an idle gateway costs little
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "channel-push-poll");
            thread.setDaemon(true);
            return thread;
        });
        long poll = properties.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(signal::nudge, 0, poll, TimeUnit.MILLISECONDS);
        for (int i = 0; i < properties.workers(); i++) {
            Thread thread = new Thread(this::work, "channel-push-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        // woken, not interrupted: an interrupt during a database write closes the embedded H2 database
        signal.wakeAll(threads.size());
        Workers.stop(threads, Duration.ofMillis(properties.requestTimeout().toMillis() + 2_000));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void work() {
        while (running) {
            try {
                Optional<PushTarget> claimed;
                while (running && (claimed = book.claimNext(properties.claimTimeout())).isPresent()) {
                    signal.nudge(); // more may be due: let an idle worker look too
                    push(claimed.get());
                }
                signal.await(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // e.g. the database away for a moment: the claim times out and the push comes back
                log.warn("Could not push stock to the channels: {}", e.toString());
                try {
                    TimeUnit.MILLISECONDS.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    private void push(PushTarget target) {
        Optional<ChannelAccess> found = registry.access(target.merchantId(), target.channelId());
        if (found.isEmpty() || !found.get().settings().enabled()) {
            book.unschedule(target);
            return;
        }
        ChannelAccess channel = found.get();
        String channelKey = target.merchantId() + "/" + target.channelId();
        if (!inFlight.add(channelKey)) {
            postpone(target, BUSY_CHANNEL);
            return;
        }
        try {
            CircuitBreaker breaker = resilience.breaker(target.merchantId(), target.channelId());
            if (!breaker.tryAcquirePermission()) {
                postpone(target, resilience.openFor());
                return;
            }
            RateLimiter limiter = resilience.limiter(
                    target.merchantId(), target.channelId(), channel.settings().kind());
            long waitNanos = limiter.reservePermission();
            if (waitNanos != 0) {
                breaker.releasePermission();
                postpone(target, Duration.ofNanos(Math.max(waitNanos, 50_000_000L)));
                return;
            }
            long started = System.nanoTime();
            ChannelPusher.Result result = pusher.push(channel, target);
            long took = System.nanoTime() - started;
            record(target, breaker, result, took);
            statusChanges.publishEvent(new ChannelStatusChanged(target.merchantId(), target.channelId()));
        } finally {
            inFlight.remove(channelKey);
        }
    }

    private void record(PushTarget target, CircuitBreaker breaker, ChannelPusher.Result result, long tookNanos) {
        Instant now = clock.instant();
        if (result instanceof ChannelPusher.Result.Acknowledged ack) {
            breaker.onSuccess(tookNanos, TimeUnit.NANOSECONDS);
            book.acknowledged(target, ack.sent());
            // the wanted quantity may have moved while this push was in flight: its next push falls due then
            signal.nudgeAfter(properties.coalesce());
        } else if (result instanceof ChannelPusher.Result.Later later) {
            breaker.releasePermission();
            postpone(target, later.after());
        } else {
            ChannelPusher.Result.Failed failed = (ChannelPusher.Result.Failed) result;
            int attempts = target.attempts() + 1;
            if (failed.mayPass()) {
                breaker.onError(tookNanos, TimeUnit.NANOSECONDS, new PushFailure(failed.why()));
            } else {
                // the channel answered; only this listing is wrong (e.g. an unknown item): not the breaker's
                breaker.onSuccess(tookNanos, TimeUnit.NANOSECONDS);
            }
            Duration wait = failed.mayPass()
                    ? resilience.backoff(attempts)
                    : properties.retry().maxInterval();
            book.failed(target, failed.why(), attempts, now.plus(wait));
            signal.nudgeAfter(wait);
            log.warn(
                    "Push of {} = {} failed (attempt {}), next in {}: {}",
                    target.describe(),
                    target.wantedQuantity(),
                    attempts,
                    wait,
                    failed.why());
        }
    }

    private void postpone(PushTarget target, Duration wait) {
        book.postpone(target, clock.instant().plus(wait));
        signal.nudgeAfter(wait);
    }

    /** A failed push as the breaker records it. */
    static final class PushFailure extends RuntimeException {
        PushFailure(String why) {
            super(why, null, false, false);
        }
    }
}
