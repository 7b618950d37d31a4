package io.syncline.simulator.shops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The ways a shop misbehaves when told to. Each lasts until cleared, or for a number of deliveries, or until a
 * time on the shop's clock. Thread-safe.
 */
public final class Faults {

    /** How a shop that is down answers its API. */
    public enum DownMode {
        /** 503 at once. */
        UNAVAILABLE,
        /** The connection is accepted and never answered, then dropped when the outage ends. */
        NO_ANSWER
    }

    /** The API is down until {@code until}. */
    public record Down(DownMode mode, Instant until) {}

    /** Every API answer waits {@code delay}, until {@code until} (null: until cleared). */
    public record Slow(Duration delay, Instant until) {}

    /**
     * Every webhook goes out {@code copies} times, all at once ({@code concurrent}) or one after the other, for the
     * next {@code remaining} deliveries (null: until cleared).
     */
    public record Duplicates(int copies, boolean concurrent, Integer remaining) {}

    /**
     * Webhooks are held in groups of {@code batch} and sent in reverse order (2: each pair swapped); a group not
     * full after {@code maxHold} goes out reversed as it is. For the next {@code remaining} groups (null: until
     * cleared).
     */
    public record OutOfOrder(int batch, Duration maxHold, Integer remaining) {}

    /** The throttle was narrowed (Shopify: bucket and restore rate; TikTok Shop: requests a second). */
    public record Throttle(Double maximumAvailable, Double restoreRate, Double currentlyAvailable) {}

    private final Clock clock;
    private Down down;
    private Slow slow;
    private Duplicates duplicates;
    private OutOfOrder outOfOrder;
    private Throttle throttle;

    public Faults(Clock clock) {
        this.clock = clock;
    }

    public synchronized void down(DownMode mode, Duration duration) {
        down = new Down(mode, clock.instant().plus(duration));
    }

    /** The outage now, if one is on. */
    public synchronized Optional<Down> down() {
        if (down != null && !clock.instant().isBefore(down.until())) {
            down = null;
        }
        return Optional.ofNullable(down);
    }

    public synchronized void slow(Duration delay, Duration duration) {
        slow = new Slow(delay, duration == null ? null : clock.instant().plus(duration));
    }

    public synchronized Optional<Slow> slow() {
        if (slow != null && slow.until() != null && !clock.instant().isBefore(slow.until())) {
            slow = null;
        }
        return Optional.ofNullable(slow);
    }

    public synchronized void duplicates(int copies, boolean concurrent, Integer deliveries) {
        duplicates = new Duplicates(copies, concurrent, deliveries);
    }

    /** How many copies the next delivery gets (1 without the fault); counts the delivery against the fault. */
    public synchronized Duplicates takeDuplicates() {
        if (duplicates == null) {
            return new Duplicates(1, false, null);
        }
        Duplicates now = duplicates;
        if (now.remaining() != null) {
            duplicates =
                    now.remaining() <= 1 ? null : new Duplicates(now.copies(), now.concurrent(), now.remaining() - 1);
        }
        return now;
    }

    public synchronized void outOfOrder(int batch, Duration maxHold, Integer groups) {
        outOfOrder = new OutOfOrder(batch, maxHold, groups);
    }

    public synchronized Optional<OutOfOrder> outOfOrder() {
        return Optional.ofNullable(outOfOrder);
    }

    /** Counts one group released against the fault. */
    public synchronized void groupReleased() {
        if (outOfOrder != null && outOfOrder.remaining() != null) {
            outOfOrder = outOfOrder.remaining() <= 1
                    ? null
                    : new OutOfOrder(outOfOrder.batch(), outOfOrder.maxHold(), outOfOrder.remaining() - 1);
        }
    }

    public synchronized void throttle(Throttle value) {
        throttle = value;
    }

    public synchronized Optional<Throttle> throttle() {
        return Optional.ofNullable(throttle);
    }

    /** Clears one fault by its admin name; false when there is no such name. */
    public synchronized boolean clear(String kind) {
        switch (kind) {
            case "down" -> down = null;
            case "slow" -> slow = null;
            case "duplicates" -> duplicates = null;
            case "out-of-order" -> outOfOrder = null;
            case "throttle" -> throttle = null;
            default -> {
                return false;
            }
        }
        return true;
    }

    public synchronized void clearAll() {
        down = null;
        slow = null;
        duplicates = null;
        outOfOrder = null;
        throttle = null;
    }

    /** What is on now, for the admin API. */
    public synchronized Snapshot snapshot() {
        down();
        slow();
        return new Snapshot(down, slow, duplicates, outOfOrder, throttle);
    }

    /** The faults on at one moment. */
    public record Snapshot(Down down, Slow slow, Duplicates duplicates, OutOfOrder outOfOrder, Throttle throttle) {}
}
