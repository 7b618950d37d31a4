package io.syncline.benchmarks;

import io.syncline.benchmarks.OrderMix.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Tallies of one load phase; the clients' own tallies merged after they stopped. */
final class PhaseResult {

    /** Latencies in microseconds, up to 10 minutes. */
    static Histogram newHistogram() {
        return new Histogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
    }

    static final int MAX_SAMPLES = 8;

    final String name;
    final Histogram latencyMicros = newHistogram();
    final Map<String, Long> confirmedUnits = new TreeMap<>();
    final Map<String, Long> rejectReasons = new TreeMap<>();
    final Map<String, Long> errorKinds = new TreeMap<>();
    final List<String> errorSamples = new ArrayList<>();
    /** Orders whose fate the load did not learn: reconciled afterwards. */
    final List<Unsettled> unsettled = new ArrayList<>();

    long elapsedNanos;
    /** Units answered per second over the second half of the window (stock sizing). */
    double secondHalfUnitsPerSecond;

    long confirmed;
    long rejected;
    long undecided;
    long errors;
    long unitsOrdered;
    /** Open loop: the rate orders were sent at, orders sent, and those sent late (no sender free when due). */
    double offeredRate;

    long sent;
    long lateSends;
    long lateConfirmed;
    long lateRejected;
    long unknown;

    PhaseResult(String name) {
        this.name = name;
    }

    long decided() {
        return confirmed + rejected;
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    double ordersPerSecond() {
        return elapsedNanos == 0 ? 0 : decided() / seconds();
    }

    double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0
                ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }

    void addConfirmedUnits(Order order) {
        order.lines().forEach(l -> confirmedUnits.merge(l.sku(), (long) l.quantity(), Long::sum));
    }

    void addError(String detail) {
        errors++;
        String kind = detail == null ? "unknown" : detail.split(":", 2)[0];
        errorKinds.merge(kind, 1L, Long::sum);
        if (errorSamples.size() < MAX_SAMPLES) {
            errorSamples.add(detail);
        }
    }

    void addRejection(String reason) {
        rejected++;
        String kind = reason == null || reason.isBlank() ? "(no reason)" : reason.split(":", 2)[0];
        rejectReasons.merge(kind, 1L, Long::sum);
    }

    /** Folds in another client's tallies. */
    void merge(PhaseResult other) {
        latencyMicros.add(other.latencyMicros);
        other.confirmedUnits.forEach((k, v) -> confirmedUnits.merge(k, v, Long::sum));
        other.rejectReasons.forEach((k, v) -> rejectReasons.merge(k, v, Long::sum));
        other.errorKinds.forEach((k, v) -> errorKinds.merge(k, v, Long::sum));
        for (String s : other.errorSamples) {
            if (errorSamples.size() < MAX_SAMPLES) {
                errorSamples.add(s);
            }
        }
        unsettled.addAll(other.unsettled);
        confirmed += other.confirmed;
        rejected += other.rejected;
        undecided += other.undecided;
        errors += other.errors;
        unitsOrdered += other.unitsOrdered;
    }

    /** An order the load did not see decided; orderId is null when no answer came at all. */
    record Unsettled(Order order, String orderId) {}
}
