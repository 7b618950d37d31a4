package io.syncline.gateway.channels.webhooks;

import io.syncline.gateway.correlation.CorrelationIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Processes the inbox: a few worker threads claim due deliveries one at a time, process them and record
 * the outcome. A new delivery wakes a worker at once; the inbox is also looked at every poll interval,
 * which is how retries fall due and how deliveries left by a crashed process are taken up again.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);
    private static final String CORRELATION_ID = CorrelationIds.KEY;

    private final DeliveryInbox inbox;
    private final DeliveryProcessing processing;
    private final DeliveryProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DeliveryWorkers(DeliveryInbox inbox, DeliveryProcessing processing, DeliveryProperties properties) {
        this.inbox = inbox;
        this.processing = processing;
        this.properties = properties;
    }

    /** A delivery was stored: have a worker look now rather than at the next poll. */
    void nudge() {
        if (running) {
            wake.release();
        }
    }

    @Override
    public synchronized void start() {
        if (running || !properties.processing()) {
            return;
        }
        running = true;
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
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                // a delivery half processed is taken up again after its claim times out
                thread.join(properties.apiTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
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

    private void work() {
        while (running) {
            try {
                Optional<StoredDelivery> claimed = inbox.claimNext(properties.claimTimeout());
                if (claimed.isPresent()) {
                    process(claimed.get());
                } else {
                    wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // e.g. the database away for a moment: the claim times out and the delivery comes back
                log.warn("Could not process channel deliveries: {}", e.toString());
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
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
