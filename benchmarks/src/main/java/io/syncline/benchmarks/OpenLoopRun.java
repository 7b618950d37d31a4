package io.syncline.benchmarks;

import io.syncline.benchmarks.OrderMix.Order;
import io.syncline.benchmarks.OrderSystem.Placed;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: orders are sent at a fixed rate whatever the answers, each on a free sender of a fixed pool, and
 * timed from the moment it was due. A slow answer takes no slot in the schedule: when every sender is busy the
 * order waits for one and that wait is in its latency (no coordinated omission), and it counts as late.
 */
final class OpenLoopRun {

    /** A send that starts this long after it was due counts as late. */
    static final long LATE_NANOS = Duration.ofMillis(10).toNanos();

    private OpenLoopRun() {}

    /** When order {@code i} (from 0) is due, counted from the window's start, at {@code rate} orders/s. */
    static long dueNanos(long i, double rate) {
        return Math.round(i * 1e9 / rate);
    }

    /** How many orders a window of {@code window} holds at {@code rate}: those due before it closes. */
    static long ordersIn(Duration window, double rate) {
        return (long) Math.ceil(window.toNanos() * rate / 1e9);
    }

    static boolean late(long dueNanoTime, long startedNanoTime) {
        return startedNanoTime - dueNanoTime > LATE_NANOS;
    }

    static PhaseResult run(
            String name, OrderSystem system, OrderMix mix, double rate, Duration window, int senders, long seed)
            throws InterruptedException {
        PhaseResult result = new PhaseResult(name);
        Random random = new Random(seed * 1_000_003L + name.hashCode() * 10_007L);
        long count = ordersIn(window, rate);
        AtomicLong lastAnswer = new AtomicLong();
        AtomicInteger thread = new AtomicInteger();
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "bench-sender-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // started before the first order is due, so no send waits for a thread to be created
        pool.prestartAllCoreThreads();
        long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
        try {
            for (long i = 0; i < count; i++) {
                long due = start + dueNanos(i, rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Order order = mix.next(random);
                pool.execute(() -> {
                    long started = System.nanoTime();
                    Placed placed = system.place(order);
                    long done = System.nanoTime();
                    lastAnswer.accumulateAndGet(done, Math::max);
                    synchronized (result) {
                        result.sent++;
                        if (late(due, started)) {
                            result.lateSends++;
                        }
                        LoadRun.record(result, order, placed, (done - due) / 1000);
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(window.toSeconds() + 600, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        result.elapsedNanos = Math.max(0, lastAnswer.get() - start);
        result.offeredRate = rate;
        return result;
    }
}
