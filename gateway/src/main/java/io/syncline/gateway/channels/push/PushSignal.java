package io.syncline.gateway.channels.push;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes a push worker when a push may have become due, so that it goes out now rather than at the next poll. */
@Component
public class PushSignal {

    private final Semaphore wake = new Semaphore(0);
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "channel-push-later");
        thread.setDaemon(true);
        return thread;
    });

    /** A push may be due. */
    public void nudge() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** A push falls due after {@code delay}: wake a worker then (other processes find it at their next poll). */
    public void nudgeAfter(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            nudge();
        } else {
            later.schedule(this::nudge, delay.toMillis() + 1, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        later.shutdownNow();
    }

    /** Wakes {@code workers} waiting workers at once: they are to stop. */
    void wakeAll(int workers) {
        wake.release(workers);
    }

    /** Waits for a nudge, at most {@code millis}. */
    void await(long millis) throws InterruptedException {
        wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }
}
