package io.syncline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The channel benchmark's conflict figures: drifts the benchmark makes in the shops during the window, and what
 * became of each (a conflict detected, resolved by a rule, the shop pushed ours again). Pure: the benchmark
 * injects the drifts and reads the conflicts, this plans and matches them.
 */
final class ChannelDrifts {

    /** Units a small drift adds: within the default rule's 2 units, so it is resolved by keeping ours. */
    static final int[] SMALL = {1, 2};
    /** Units a large drift adds: beyond every default rule, so its conflict stays open. */
    static final int LARGE = 20;
    /** Every fifth drift is a large one. */
    static final int LARGE_EVERY = 5;

    private static final String STOCK_MISMATCH = "STOCK_MISMATCH";

    private ChannelDrifts() {}

    /** Where the i-th drift goes and by how much. */
    record Planned(String shop, String sku, int delta, boolean large) {}

    /** A drift made: at {@code sentAt} the shop was set to {@code theirs} of the SKU while ours was {@code ours}. */
    record Drift(String shop, String sku, Instant sentAt, int ours, int theirs, boolean large) {}

    /** A conflict as {@code GET /api/conflicts} lists it. */
    record Conflict(
            String id,
            String kind,
            String channel,
            String sku,
            String status,
            Instant detectedAt,
            String resolvedBy,
            Instant resolvedAt) {

        static Conflict of(JsonNode c) {
            return new Conflict(
                    c.path("conflictId").asText(),
                    c.path("kind").asText(),
                    c.path("channel").asText(null),
                    c.path("sku").asText(null),
                    c.path("status").asText(),
                    ChannelBenchmark.instant(c.path("detectedAt")),
                    c.path("resolvedBy").asText(null),
                    ChannelBenchmark.instant(c.path("resolvedAt")));
        }

        boolean byRule() {
            return resolvedAt != null && resolvedBy != null && resolvedBy.startsWith("rule:");
        }
    }

    /**
     * What a run recorded of its drifts: the conflict service's settle time as started ({@code settleAfter},
     * text), the drifts made, every conflict of the merchant at the end (null when the application did not answer
     * them), and when that end was.
     */
    record Run(String settleAfter, List<Drift> drifts, List<JsonNode> conflicts, Instant end) {}

    /**
     * {@code count} drifts, each on a listing of its own (one cause each: a second drift of a listing whose
     * conflict is still open would only add to its history), alternating between the shops and spread over the
     * SKUs; every {@link #LARGE_EVERY}th is large, the others alternate the {@link #SMALL} sizes. Drifts go up:
     * under the order load our available falls all the time, so a drift down is soon what our books show too
     * and the service explains it as a sale it had not applied yet, by design.
     */
    static List<Planned> plan(int count, List<String> shops, List<String> skus) {
        if (count > shops.size() * skus.size()) {
            throw new IllegalArgumentException("at most " + shops.size() * skus.size() + " drifts, one per listing");
        }
        List<Planned> planned = new ArrayList<>();
        int small = 0;
        for (int i = 0; i < count; i++) {
            int shop = i % shops.size();
            int sku = (i / shops.size() + shop * skus.size() / shops.size()) % skus.size();
            boolean large = i % LARGE_EVERY == LARGE_EVERY - 1;
            int delta = large ? LARGE : SMALL[small++ % SMALL.length];
            planned.add(new Planned(shops.get(shop), skus.get(sku), delta, large));
        }
        return planned;
    }

    /** The counts and the three latencies, over the drifts of a run. */
    static final class Figures {
        /** (1) drift sent → conflict detected. */
        final Histogram detectMicros = PhaseResult.newHistogram();
        /** (2) detected → resolved by a rule. */
        final Histogram resolveMicros = PhaseResult.newHistogram();
        /** (3) resolved → the first push of the SKU the shop applied afterwards (the re-push, or an order's). */
        final Histogram repushMicros = PhaseResult.newHistogram();
        /** (2) and (3) together: detected → the shop back at ours. */
        final Histogram resolvedShownMicros = PhaseResult.newHistogram();

        /** False when the application did not answer the conflicts (no conflict service). */
        boolean conflictsRead = true;

        long drifts;
        long large;
        long detected;
        long autoResolved;
        long resolvedOtherwise;
        long open;
        long noConflict;
        long smallNotAutoResolved;
        long largeResolved;
        /** Auto-resolved drifts whose shop an order's push had already set back to ours before the resolution. */
        long pushedBeforeResolution;
        /** Auto-resolved drifts whose shop was not pushed again by the end. */
        long notRepushed;
        /** Conflicts of the merchant no drift explains, by kind. */
        final Map<String, Long> otherConflicts = new TreeMap<>();

        double detectMillis(double percentile) {
            return ChannelLatency.censoredMillis(detectMicros, 0, percentile);
        }

        double resolveMillis(double percentile) {
            return ChannelLatency.censoredMillis(resolveMicros, 0, percentile);
        }

        double repushMillis(double percentile) {
            return ChannelLatency.censoredMillis(repushMicros, notRepushed, percentile);
        }

        double resolvedShownMillis(double percentile) {
            return ChannelLatency.censoredMillis(resolvedShownMicros, notRepushed, percentile);
        }
    }

    /**
     * Matches each drift to the first stock mismatch of its shop and SKU detected after it was sent (and before
     * the listing's next drift, should there be one), and that conflict's resolution to the first push of the SKU
     * the shop applied from then on ({@code pushes} per shop, up to {@code end}).
     */
    static Figures figures(
            List<Drift> drifts, List<Conflict> conflicts, Map<String, List<ChannelLatency.Push>> pushes, Instant end) {
        Figures f = new Figures();
        List<Drift> sorted = new ArrayList<>(drifts);
        sorted.sort(Comparator.comparing(Drift::sentAt));
        List<Conflict> byDetection = new ArrayList<>(conflicts);
        byDetection.removeIf(c -> c.detectedAt() == null);
        byDetection.sort(Comparator.comparing(Conflict::detectedAt));
        Set<String> used = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Drift d = sorted.get(i);
            f.drifts++;
            if (d.large()) {
                f.large++;
            }
            Instant until = end;
            for (int j = i + 1; j < sorted.size(); j++) {
                Drift next = sorted.get(j);
                if (next.shop().equals(d.shop()) && next.sku().equals(d.sku())) {
                    until = next.sentAt();
                    break;
                }
            }
            Conflict c = null;
            for (Conflict candidate : byDetection) {
                if (!used.contains(candidate.id())
                        && STOCK_MISMATCH.equals(candidate.kind())
                        && d.shop().equals(candidate.channel())
                        && d.sku().equals(candidate.sku())
                        && !candidate.detectedAt().isBefore(d.sentAt())
                        && candidate.detectedAt().isBefore(until)) {
                    c = candidate;
                    break;
                }
            }
            if (c == null) {
                f.noConflict++;
                continue;
            }
            used.add(c.id());
            f.detected++;
            record(f.detectMicros, d.sentAt(), c.detectedAt());
            if (c.resolvedAt() == null) {
                f.open++;
                if (!d.large()) {
                    f.smallNotAutoResolved++;
                }
                continue;
            }
            if (d.large()) {
                f.largeResolved++;
            }
            if (!c.byRule()) {
                f.resolvedOtherwise++;
                if (!d.large()) {
                    f.smallNotAutoResolved++;
                }
                continue;
            }
            f.autoResolved++;
            record(f.resolveMicros, c.detectedAt(), c.resolvedAt());
            List<ChannelLatency.Push> shopPushes = pushes.getOrDefault(d.shop(), List.of());
            Instant before = firstPush(shopPushes, d.sku(), d.sentAt(), c.resolvedAt());
            if (before != null) {
                f.pushedBeforeResolution++;
            }
            Instant pushed = firstPush(shopPushes, d.sku(), c.resolvedAt(), end);
            if (pushed == null) {
                f.notRepushed++;
                continue;
            }
            record(f.repushMicros, c.resolvedAt(), pushed);
            record(f.resolvedShownMicros, c.detectedAt(), pushed);
        }
        for (Conflict c : conflicts) {
            if (!used.contains(c.id())) {
                f.otherConflicts.merge(c.kind(), 1L, Long::sum);
            }
        }
        return f;
    }

    /** The first push of the SKU the shop applied from {@code from} on, before {@code end}. */
    private static Instant firstPush(List<ChannelLatency.Push> pushes, String sku, Instant from, Instant end) {
        Instant first = null;
        for (ChannelLatency.Push p : pushes) {
            if (p.sku().equals(sku)
                    && !p.at().isBefore(from)
                    && p.at().isBefore(end)
                    && (first == null || p.at().isBefore(first))) {
                first = p.at();
            }
        }
        return first;
    }

    private static void record(Histogram micros, Instant from, Instant to) {
        long value = Math.max(0, Duration.between(from, to).toNanos() / 1000);
        micros.recordValue(Math.min(value, micros.getHighestTrackableValue()));
    }
}
