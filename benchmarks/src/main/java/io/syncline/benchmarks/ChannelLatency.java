package io.syncline.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The channel benchmark's two latencies, worked out after the run from what the application and the shops
 * recorded: from a webhook's receipt to the order's decision, and from a stock change to the shop applying a push
 * that shows it. Pure: the benchmark collects the records, this only matches them.
 */
final class ChannelLatency {

    private ChannelLatency() {}

    /** A webhook delivery as the application's inbox lists it; {@code orderId} null when it concerned no order. */
    record Delivery(String orderId, Instant receivedAt) {}

    /** An order's decision: when, and whether it was confirmed (or rejected). */
    record Decision(Instant at, boolean confirmed) {}

    /** An order as the shop that sold it lists it. */
    record ShopOrder(String id, Instant createdAt) {}

    /** The Syncline order a channel order became, and when it was placed ({@code OrderPlaced}). */
    record Placement(String orderId, Instant at) {}

    /**
     * The orders a shop created in a window: how many Syncline placed and decided, and the time from the receipt
     * of the first webhook about each to its decision. One not decided by the end counts as taking longer than
     * the run (see {@link #censoredMillis}), so a backlog cannot hide in the percentiles.
     */
    static final class Orders {
        final Histogram micros = PhaseResult.newHistogram();
        /** From the first receipt to the placement: the time the webhook waited in the inbox. */
        final Histogram inboxMicros = PhaseResult.newHistogram();
        /** From the order's creation at the shop to its decision: the webhook's way to Syncline included. */
        final Histogram fromShopMicros = PhaseResult.newHistogram();

        long created;
        long placed;
        long confirmed;
        long rejected;
        Instant lastDecision;

        long decided() {
            return confirmed + rejected;
        }

        long undecided() {
            return created - decided();
        }

        double percentileMillis(double percentile) {
            return censoredMillis(micros, undecided(), percentile);
        }

        double maxMillis() {
            return undecided() > 0 ? Double.POSITIVE_INFINITY : ChannelLatency.maxMillis(micros);
        }

        /** From the order's creation at the shop (a delivery answered late, and retried, shows here). */
        double fromShopMillis(double percentile) {
            return censoredMillis(fromShopMicros, undecided(), percentile);
        }

        /** Of {@link #percentileMillis}, the part until the order was placed. */
        double inboxMillis(double percentile) {
            return censoredMillis(inboxMicros, created - placed, percentile);
        }
    }

    /**
     * The orders {@code shopOrders} created in {@code [from, to)}, each found in Syncline by its channel order id
     * ({@code placements}: by the shop's order id, from {@code OrderPlaced}) and timed from the receipt of
     * its first delivery (of any topic: a creation, or a cancellation that overtook it) to its decision
     * ({@code OrderConfirmed} or {@code OrderRejected}). Later deliveries of the order do not start a clock.
     */
    static Orders orders(
            Collection<ShopOrder> shopOrders,
            Map<String, Placement> placements,
            Collection<Delivery> deliveries,
            Map<String, Decision> decisions,
            Instant from,
            Instant to) {
        Map<String, Instant> firstReceipt = new HashMap<>();
        for (Delivery d : deliveries) {
            if (d.orderId() != null && d.receivedAt() != null) {
                firstReceipt.merge(d.orderId(), d.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Orders result = new Orders();
        for (ShopOrder order : shopOrders) {
            if (order.createdAt().isBefore(from) || !order.createdAt().isBefore(to)) {
                continue;
            }
            result.created++;
            Placement placement = placements.get(order.id());
            String orderId = placement == null ? null : placement.orderId();
            Instant received = orderId == null ? null : firstReceipt.get(orderId);
            if (received == null) {
                continue;
            }
            result.placed++;
            record(result.inboxMicros, Duration.between(received, placement.at()));
            Decision decision = decisions.get(orderId);
            if (decision == null) {
                continue;
            }
            if (decision.confirmed()) {
                result.confirmed++;
            } else {
                result.rejected++;
            }
            Instant decided = decision.at();
            record(result.micros, Duration.between(received, decided));
            record(result.fromShopMicros, Duration.between(order.createdAt(), decided));
            if (result.lastDecision == null || decided.isAfter(result.lastDecision)) {
                result.lastDecision = decided;
            }
        }
        return result;
    }

    /** A SKU's stock after one of its events, in the aggregate's order. */
    record Level(String sku, Instant at, int onHand, int reserved) {}

    /** What a channel should show for a SKU from {@code at} on. */
    record Change(String sku, Instant at, int quantity) {}

    /** A push the shop applied: from {@code at} it showed {@code quantity} of the SKU. */
    record Push(String sku, Instant at, int quantity) {}

    /**
     * The changes of what a channel should show, from a SKU's levels in event order: max(0, available − buffer),
     * at most {@code cap}; an event that leaves that quantity as it was (a shipment moves on-hand and reserved
     * together) is no change and needs no push.
     */
    static List<Change> changes(List<Level> levels, int buffer, int cap) {
        List<Change> changes = new ArrayList<>();
        Map<String, Integer> last = new HashMap<>();
        for (Level level : levels) {
            int available = Math.max(0, level.onHand() - level.reserved());
            int wanted = Math.min(cap, Math.max(0, available - buffer));
            Integer before = last.put(level.sku(), wanted);
            if (!Objects.equals(before, wanted)) {
                changes.add(new Change(level.sku(), level.at(), wanted));
            }
        }
        return changes;
    }

    /** Stock changes of a window and how long each took to show in the shop. */
    static final class Pushes {
        final Histogram micros = PhaseResult.newHistogram();
        long changes;
        long acknowledged;
        long unacknowledged;

        double percentileMillis(double percentile) {
            return censoredMillis(micros, unacknowledged, percentile);
        }

        double maxMillis() {
            return unacknowledged > 0 ? Double.POSITIVE_INFINITY : ChannelLatency.maxMillis(micros);
        }
    }

    /**
     * Times each change in {@code [from, to)} to the first push the shop applied afterwards that shows the
     * quantity of that change or of a later one: pushes send the newest wanted quantity, so one push settles every
     * change before the state it carries. A push is taken to carry the latest change before it with the same
     * quantity; one that matches no change newer than those already settled (a repeat, the shop's own drift being
     * overwritten with an old value) settles nothing. {@code changes} are per SKU in event order, {@code pushes} in
     * any order; changes before {@code from} are needed too, so that a push of an older state is recognised.
     */
    static Pushes pushes(List<Change> changes, List<Push> pushes, Instant from, Instant to) {
        Map<String, List<Change>> bySku = new LinkedHashMap<>();
        changes.forEach(
                c -> bySku.computeIfAbsent(c.sku(), s -> new ArrayList<>()).add(c));
        Map<String, List<Push>> pushesBySku = new HashMap<>();
        pushes.forEach(p ->
                pushesBySku.computeIfAbsent(p.sku(), s -> new ArrayList<>()).add(p));
        Pushes result = new Pushes();
        for (var e : bySku.entrySet()) {
            List<Change> skuChanges = e.getValue();
            List<Push> skuPushes = new ArrayList<>(pushesBySku.getOrDefault(e.getKey(), List.of()));
            skuPushes.sort(Comparator.comparing(Push::at));
            Instant[] settledAt = new Instant[skuChanges.size()];
            int settled = -1;
            for (Push push : skuPushes) {
                int carried = -1;
                for (int j = skuChanges.size() - 1; j > settled; j--) {
                    Change c = skuChanges.get(j);
                    if (!c.at().isAfter(push.at()) && c.quantity() == push.quantity()) {
                        carried = j;
                        break;
                    }
                }
                for (int i = settled + 1; i <= carried; i++) {
                    settledAt[i] = push.at();
                }
                settled = Math.max(settled, carried);
            }
            for (int i = 0; i < skuChanges.size(); i++) {
                Change c = skuChanges.get(i);
                if (c.at().isBefore(from) || !c.at().isBefore(to)) {
                    continue;
                }
                result.changes++;
                if (settledAt[i] == null) {
                    result.unacknowledged++;
                } else {
                    result.acknowledged++;
                    record(result.micros, Duration.between(c.at(), settledAt[i]));
                }
            }
        }
        return result;
    }

    /** Both channels' figures in one. */
    static Orders merge(Orders a, Orders b) {
        Orders m = new Orders();
        m.micros.add(a.micros);
        m.micros.add(b.micros);
        m.inboxMicros.add(a.inboxMicros);
        m.inboxMicros.add(b.inboxMicros);
        m.fromShopMicros.add(a.fromShopMicros);
        m.fromShopMicros.add(b.fromShopMicros);
        m.created = a.created + b.created;
        m.placed = a.placed + b.placed;
        m.confirmed = a.confirmed + b.confirmed;
        m.rejected = a.rejected + b.rejected;
        m.lastDecision = a.lastDecision == null
                ? b.lastDecision
                : b.lastDecision == null || a.lastDecision.isAfter(b.lastDecision) ? a.lastDecision : b.lastDecision;
        return m;
    }

    static Pushes merge(Pushes a, Pushes b) {
        Pushes m = new Pushes();
        m.micros.add(a.micros);
        m.micros.add(b.micros);
        m.changes = a.changes + b.changes;
        m.acknowledged = a.acknowledged + b.acknowledged;
        m.unacknowledged = a.unacknowledged + b.unacknowledged;
        return m;
    }

    /** Changes in {@code [from, to)}. */
    static long count(List<Change> changes, Instant from, Instant to) {
        return changes.stream()
                .filter(c -> !c.at().isBefore(from) && c.at().isBefore(to))
                .count();
    }

    /**
     * The percentile of times of which {@code done} were measured and {@code undone} never ended within the run:
     * those count as longer than any measured, so a percentile that falls among them is infinite (longer than
     * the run), and one below them is read from the measured times at its rank among all.
     */
    static double censoredMillis(Histogram done, long undone, double percentile) {
        long total = done.getTotalCount() + undone;
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        if (rank > done.getTotalCount()) {
            return Double.POSITIVE_INFINITY;
        }
        return done.getValueAtPercentile(100.0 * rank / done.getTotalCount()) / 1000.0;
    }

    static double maxMillis(Histogram micros) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getMaxValue() / 1000.0;
    }

    /** Clocks of two processes on one machine may disagree by a hair: a negative time counts as none. */
    private static void record(Histogram micros, Duration took) {
        long value = Math.max(0, took.toNanos() / 1000);
        micros.recordValue(Math.min(value, micros.getHighestTrackableValue()));
    }
}
