package io.syncline.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The requests one simulated shop's API received, gathered from its admin API's push log. That log keeps only the
 * newest 1000 requests, so it is read every second and the reads are merged; a read whose oldest entry is newer
 * than everything seen before, while the log is full, may have missed some, and is counted as a gap.
 */
final class ShopRequests {

    /** Outcomes of a request that changed the shop's stock: Shopify's and TikTok Shop's (some SKUs refused). */
    static final Set<String> APPLIED = Set.of("applied", "partly applied");

    /** One request: when the shop handled it, which operation, how it ended, the quantities it set by SKU. */
    record Entry(Instant at, String operation, String outcome, Map<String, Integer> quantities) {}

    private final Set<Entry> entries = new LinkedHashSet<>();
    private final int kept;
    private Entry newest;
    private int gaps;

    /** @param kept how many entries the shop's log holds */
    ShopRequests(int kept) {
        this.kept = kept;
    }

    /** Merges one read of the log (oldest first). */
    synchronized void merge(List<Entry> read) {
        if (read.isEmpty()) {
            return;
        }
        if (newest != null && read.size() >= kept && !read.contains(newest)) {
            gaps++;
        }
        entries.addAll(read);
        newest = read.get(read.size() - 1);
    }

    synchronized int gaps() {
        return gaps;
    }

    /** Every request seen, oldest first. */
    synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /** The pushes applied, one per SKU a request set. */
    synchronized List<ChannelLatency.Push> pushes() {
        List<ChannelLatency.Push> pushes = new ArrayList<>();
        for (Entry e : entries) {
            if (APPLIED.contains(e.outcome())) {
                e.quantities().forEach((sku, q) -> pushes.add(new ChannelLatency.Push(sku, e.at(), q)));
            }
        }
        return pushes;
    }

    /** Requests in {@code [from, to)} by outcome, e.g. {@code applied}, {@code stale}, {@code throttled}. */
    synchronized Map<String, Long> outcomes(Instant from, Instant to, String operation) {
        Map<String, Long> counts = new TreeMap<>();
        for (Entry e : entries) {
            if (!e.at().isBefore(from) && e.at().isBefore(to) && e.operation().equals(operation)) {
                counts.merge(e.outcome(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
