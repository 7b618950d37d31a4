package io.syncline.gateway.channels;

import java.time.Duration;
import java.util.List;

/** Stopping the channels' worker threads once they have been told to stop and woken. */
public final class Workers {

    private Workers() {}

    /**
     * Waits up to {@code within} for each of {@code threads} to finish what it is doing; one still busy then (a call
     * to a channel that does not answer) is interrupted. The list is emptied.
     */
    public static void stop(List<Thread> threads, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
        threads.clear();
    }
}
