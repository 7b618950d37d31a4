package io.syncline.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The webhook copies one simulated shop sent, gathered from its admin API: the shop keeps only its newest 1000, so
 * they are read every couple of seconds and merged, each copy as last seen (its attempts and status move on).
 */
final class ShopWebhooks {

    /** One copy of a delivery as the shop saw it last. */
    record Copy(String deliveryId, String topic, int copy, String status, int attempts, Instant createdAt) {}

    private final Map<String, Copy> copies = new LinkedHashMap<>();
    private final int kept;
    private String newest;
    private int gaps;

    ShopWebhooks(int kept) {
        this.kept = kept;
    }

    /** Merges one read (oldest first). */
    synchronized void merge(List<Copy> read) {
        if (read.isEmpty()) {
            return;
        }
        if (newest != null && read.size() >= kept && read.stream().noneMatch(c -> key(c).equals(newest))) {
            gaps++;
        }
        read.forEach(c -> copies.put(key(c), c));
        newest = key(read.get(read.size() - 1));
    }

    private static String key(Copy c) {
        return c.deliveryId() + "#" + c.copy();
    }

    synchronized int gaps() {
        return gaps;
    }

    /** Every copy seen, as last seen. */
    synchronized List<Copy> copies() {
        return new ArrayList<>(copies.values());
    }

    /** Copies created in {@code [from, to)}: by topic, how many needed more than one attempt, how many failed. */
    synchronized Tally tally(Instant from, Instant to) {
        Tally t = new Tally();
        for (Copy c : copies.values()) {
            if (c.createdAt() == null
                    || c.createdAt().isBefore(from)
                    || !c.createdAt().isBefore(to)) {
                continue;
            }
            t.sent++;
            t.byTopic.merge(c.topic(), 1L, Long::sum);
            if (c.attempts() > 1) {
                t.retried++;
            }
            // only a final status counts: a copy last seen pending may have left the shop's log since
            if (c.status().equals("FAILED")) {
                t.failed++;
            }
        }
        return t;
    }

    static final class Tally {
        long sent;
        long retried;
        final Map<String, Long> byTopic = new TreeMap<>();
        /** Copies the shop gave up on after its last retry. */
        long failed;
    }
}
