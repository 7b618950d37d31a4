package io.syncline.gateway.channels.push;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes a push worker when a push may have become due, so that it goes out now rather than at the next poll. */
@Component
public class PushSignal {

    private final Semaphore wake = new Semaphore(0);

    /** A push may be due. */
    public void nudge() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Waits for a nudge, at most {@code millis}. */
    void await(long millis) throws InterruptedException {
        wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }
}
