package io.syncline.simulator.shops;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a shop's API received: every request with its outcome (the last 1000), and per SKU the stock pushes that
 * were applied: how many, the last quantity, when.
 */
public final class PushLog {

    private static final int KEPT = 1000;

    /** One API request: when, which operation, how it ended, and the quantities it asked for by SKU. */
    public record Entry(Instant at, String operation, String outcome, Map<String, Integer> quantities) {}

    /** The pushes applied to one SKU. */
    public record SkuPushes(String sku, int pushes, Integer lastQuantity, Instant lastAt) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, SkuPushes> bySku = new LinkedHashMap<>();
    private long requests;
    private long applied;

    public synchronized void request(Instant at, String operation, String outcome, Map<String, Integer> quantities) {
        requests++;
        entries.addLast(new Entry(at, operation, outcome, Map.copyOf(quantities)));
        if (entries.size() > KEPT) {
            entries.removeFirst();
        }
    }

    /** A push that set {@code sku} to {@code quantity}. */
    public synchronized void applied(Instant at, String sku, int quantity) {
        applied++;
        SkuPushes before = bySku.get(sku);
        bySku.put(sku, new SkuPushes(sku, before == null ? 1 : before.pushes() + 1, quantity, at));
    }

    public synchronized long requests() {
        return requests;
    }

    public synchronized long applied() {
        return applied;
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized SkuPushes sku(String sku) {
        return bySku.getOrDefault(sku, new SkuPushes(sku, 0, null, null));
    }
}
