package io.syncline.gateway.channels.webhooks;

import io.syncline.gateway.channels.Workers;
import io.syncline.gateway.channels.push.ChannelStatusChanged;
import io.syncline.gateway.correlation.CorrelationIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Processes the inbox: a few worker threads claim due deliveries one at a time, process them and record
 * the outcome. A new delivery wakes a worker at once; besides, one look at the inbox per poll interval
 * (not one per worker: an idle gateway costs the database little) is how retries fall due and how
 * deliveries left by a crashed process are taken up again. Deliveries done for longer than the retention
 * are deleted.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);
    private static final String CORRELATION_ID = CorrelationIds.KEY;
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    private final DeliveryInbox inbox;
    private final DeliveryProcessing processing;
    private final DeliveryProperties properties;
    private final ApplicationEventPublisher statusChanges;
    private final Clock clock = Clock.systemUTC();
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService ticker;
    private volatile boolean running;

    DeliveryWorkers(
            DeliveryInbox inbox,
            DeliveryProcessing processing,
            DeliveryProperties properties,
            ApplicationEventPublisher statusChanges) {
        this.inbox = inbox;
        this.processing = processing;
        this.properties = properties;
        this.statusChanges = statusChanges;
    }

    /** A delivery was stored: have a worker look now rather than at the next poll. */
    void nudge() {
        if (running) {
            tick();
        }
    }

    @Override
    public synchronized void start() {
        if (running || !properties.processing()) {
            return;
        }
        running = true;
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "channel-deliveries-poll");
            thread.setDaemon(true);
            return thread;
        });
        long poll = properties.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, 0, poll, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::purge, 1, CLEANUP_EVERY.toMinutes(), TimeUnit.MINUTES);
        for (int i = 0; i < properties.workers(); i++) {
            Thread thread = new Thread(this::work, "channel-deliveries-" + i);
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
        // woken, not interrupted: an interrupt during a database write closes the embedded H2 database; a delivery
        // half processed by a worker that has to be interrupted after all is taken up again once its claim times out
        wake.release(threads.size());
        Workers.stop(threads, Duration.ofMillis(properties.apiTimeout().toMillis() + 5_000));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Late in start-up and early in shutdown: processing sends commands and reads the channels. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void tick() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void purge() {
        try {
            int deleted = inbox.purgeDoneBefore(clock.instant().minus(properties.retention()));
            if (deleted > 0) {
                log.info("Deleted {} channel deliveries done more than {} ago", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete old channel deliveries: {}", e.toString());
        }
    }

    private void work() {
        while (running) {
            try {
                wake.acquire();
                Optional<StoredDelivery> claimed;
                while (running && (claimed = inbox.claimNext(properties.claimTimeout())).isPresent()) {
                    // there may be more due: let an idle worker look too
                    tick();
                    process(claimed.get());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // e.g. the database away for a moment: a claim times out and its delivery comes back
                log.warn("Could not process channel deliveries: {}", e.toString());
            }
        }
    }

    private void process(StoredDelivery delivery) {
        if (delivery.correlationId() != null) {
            MDC.put(CORRELATION_ID, delivery.correlationId());
        }
        try {
            Outcome outcome = processing.process(delivery);
            int attempts = delivery.attempts() + 1;
            Instant next = outcome.status() == DeliveryStatus.FAILED
                            && outcome.mayPass()
                            && attempts < properties.retry().maxAttempts()
                    ? clock.instant().plus(properties.retry().after(attempts))
                    : null;
            inbox.finish(delivery.deliveryId(), outcome, attempts, next);
            statusChanges.publishEvent(new ChannelStatusChanged(delivery.merchantId(), delivery.channelId()));
            if (outcome.status() == DeliveryStatus.FAILED) {
                log.warn(
                        "Channel delivery {} of {}/{} ({}) failed, attempt {}{}: {}",
                        delivery.deliveryId(),
                        delivery.merchantId(),
                        delivery.channelId(),
                        delivery.topic(),
                        attempts,
                        next == null ? ", not retried" : ", retried at " + next,
                        outcome.detail());
            }
        } catch (PessimisticLockingFailureException busy) {
            // another delivery of the same order is being processed: this one waits its turn
            inbox.postpone(delivery.deliveryId(), clock.instant().plusMillis(500));
        } finally {
            MDC.remove(CORRELATION_ID);
        }
    }
}
