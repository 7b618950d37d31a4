package io.syncline.gateway.channels.buffers;

import java.time.Instant;

/**
 * One listing's computed buffer and the figures it came from: the units the channel is expected to sell while a
 * push is in flight, ceil(units per day ÷ 86,400 × push lag p99 in seconds × safety factor), between 0 and
 * {@code bufferMax}.
 */
public record AutoBuffer(
        int buffer,
        double unitsPerDay,
        long pushLagP99Ms,
        boolean lagMeasured,
        double safetyFactor,
        Integer bufferMax,
        Instant computedAt) {

    private static final double DAY_MS = 86_400_000.0;

    static AutoBuffer of(
            double unitsPerDay, long lagMs, boolean lagMeasured, double safetyFactor, Integer bufferMax, Instant at) {
        double expected = unitsPerDay / DAY_MS * lagMs * safetyFactor;
        // a tiny expectation is nothing to hold back, not one unit: the float error of an exact product is not
        long buffer = (long) Math.ceil(expected - 1e-9);
        if (bufferMax != null) {
            buffer = Math.min(buffer, bufferMax);
        }
        int bounded = (int) Math.max(0, Math.min(buffer, Integer.MAX_VALUE));
        return new AutoBuffer(bounded, unitsPerDay, lagMs, lagMeasured, safetyFactor, bufferMax, at);
    }
}
