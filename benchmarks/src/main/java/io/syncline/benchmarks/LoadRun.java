package io.syncline.benchmarks;

import io.syncline.benchmarks.OrderMix.Order;
import io.syncline.benchmarks.OrderSystem.Placed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load: each client places an order, waits for the decision, and places the next,
 * until the window closes. Orders sent before the close are waited for, so the window's rate
 * is decided orders over the time to the last answer.
 */
final class LoadRun {

    private LoadRun() {}

    static PhaseResult run(String name, OrderSystem system, OrderMix mix, int clients, Duration window, long seed)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        PhaseResult[] tallies = new PhaseResult[clients];
        long[] lastAnswer = new long[clients];
        long[] startedAt = new long[1];
        LongAdder unitsAnswered = new LongAdder();
        List<Thread> threads = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            tallies[i] = new PhaseResult(name);
            // Distinct per phase and client, the same for both systems: same orders, never a reused reference
            Random random = new Random(seed * 1_000_003L + name.hashCode() * 10_007L + client);
            Thread t = new Thread(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long deadline = startedAt[0] + window.toNanos();
                        long last = startedAt[0];
                        while (System.nanoTime() < deadline
                                && !Thread.currentThread().isInterrupted()) {
                            Order order = mix.next(random);
                            long sent = System.nanoTime();
                            Placed placed = system.place(order);
                            last = System.nanoTime();
                            record(tallies[client], order, placed, (last - sent) / 1000);
                            unitsAnswered.add(order.units());
                        }
                        lastAnswer[client] = last;
                    },
                    "bench-client-" + i);
            threads.add(t);
            t.start();
        }
        startedAt[0] = System.nanoTime();
        start.countDown();
        // The second half's rate: the first half may still be warming up
        Thread.sleep(window.toMillis() / 2);
        long midway = System.nanoTime();
        long unitsMidway = unitsAnswered.sum();
        for (Thread t : threads) {
            t.join();
        }
        PhaseResult result = new PhaseResult(name);
        long end = startedAt[0];
        for (int i = 0; i < clients; i++) {
            result.merge(tallies[i]);
            end = Math.max(end, lastAnswer[i]);
        }
        result.elapsedNanos = end - startedAt[0];
        result.secondHalfUnitsPerSecond =
                end > midway ? (unitsAnswered.sum() - unitsMidway) / ((end - midway) / 1e9) : 0;
        return result;
    }

    /** Counts one answer; only decided orders have a latency worth recording. */
    static void record(PhaseResult tally, Order order, Placed placed, long micros) {
        tally.unitsOrdered += order.units();
        switch (placed.outcome()) {
            case CONFIRMED -> {
                tally.confirmed++;
                tally.addConfirmedUnits(order);
                tally.latencyMicros.recordValue(Math.min(micros, tally.latencyMicros.getHighestTrackableValue()));
            }
            case REJECTED -> {
                tally.addRejection(placed.detail());
                tally.latencyMicros.recordValue(Math.min(micros, tally.latencyMicros.getHighestTrackableValue()));
            }
            case UNDECIDED -> {
                tally.undecided++;
                tally.unsettled.add(new PhaseResult.Unsettled(order, placed.orderId()));
            }
            case ERROR -> {
                tally.addError(placed.detail());
                tally.unsettled.add(new PhaseResult.Unsettled(order, null));
            }
        }
    }
}
