package io.syncline.simulator.shops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A leaky bucket refilled continuously at {@code restoreRate} a second up to {@code maximum}, read on the shop's
 * clock, so a test moves time instead of waiting. Shopify's cost points, or TikTok Shop's requests (cost 1).
 */
public final class RateBucket {

    /** The bucket after a take: whether it was granted and what is left. */
    public record Level(boolean granted, double maximum, double available, double restoreRate) {}

    private final Clock clock;
    private double maximum;
    private double restoreRate;
    private double available;
    private Instant last;

    /** @param maximum 0 for a bucket that never runs dry */
    public RateBucket(Clock clock, double maximum, double restoreRate) {
        this.clock = clock;
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.available = maximum;
        this.last = clock.instant();
    }

    public synchronized Level take(double cost) {
        refill();
        if (maximum <= 0) {
            return new Level(true, maximum, maximum, restoreRate);
        }
        if (available + 1e-9 < cost) {
            return new Level(false, maximum, available, restoreRate);
        }
        available -= cost;
        return new Level(true, maximum, available, restoreRate);
    }

    public synchronized Level peek() {
        refill();
        return new Level(true, maximum, available, restoreRate);
    }

    /** New limits; what is available is kept (within the new maximum) unless {@code current} says otherwise. */
    public synchronized void reshape(Double newMaximum, Double newRestoreRate, Double current) {
        refill();
        if (newMaximum != null) {
            maximum = newMaximum;
        }
        if (newRestoreRate != null) {
            restoreRate = newRestoreRate;
        }
        available = current != null ? current : available;
        available = Math.max(0, Math.min(available, maximum));
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            available = Math.min(maximum, available + seconds * restoreRate);
            last = now;
        }
    }
}
