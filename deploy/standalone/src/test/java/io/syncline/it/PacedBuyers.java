package io.syncline.it;

import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.orders.Order;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Buyers of the conflict flows' shops: orders of 1–2 SKUs, 1–2 units a line, at a bounded rate, the buyers of both
 * shops on the same few SKUs with no wait for either shop to show our last push. So both shops sell one SKU within
 * moments of each other, and a shop reports a quantity our books only had before the other's sale, less its own:
 * detection must take that for a shop lagging behind our pushes, not for a disagreement.
 */
final class PacedBuyers {

    private final ChannelSimulator simulator;
    private final List<String> skus;
    private final Random random;
    private final long intervalNanos;
    private final AtomicInteger placed = new AtomicInteger();
    private long nextAt;

    /** @param skus the SKUs the buyers of every shop take */
    PacedBuyers(ChannelSimulator simulator, List<String> skus, double ordersPerSecond, long seed) {
        this.simulator = simulator;
        this.skus = List.copyOf(skus);
        this.random = new Random(seed);
        this.intervalNanos = (long) (1e9 / ordersPerSecond);
        this.nextAt = System.nanoTime();
    }

    /** Orders placed so far, bursts included. */
    int placed() {
        return placed.get();
    }

    /** Places an order on {@code shop} in its turn. */
    synchronized Order place(String shop) {
        // pacing, not waiting for an outcome: the load is bounded to the rate
        long wait = nextAt - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        nextAt = Math.max(nextAt + intervalNanos, System.nanoTime() - intervalNanos);
        List<String> chosen = new ArrayList<>(skus);
        Collections.shuffle(chosen, random);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (String sku : chosen.subList(0, 1 + random.nextInt(2))) {
            wanted.put(sku, 1 + random.nextInt(2));
        }
        Order order = simulator.placeOrder(shop, wanted, false);
        placed.incrementAndGet();
        return order;
    }

    /** {@code count} one-unit orders of {@code sku} at once, taken even beyond what the shop has. */
    synchronized List<Order> burst(String shop, String sku, int count) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(simulator.placeOrder(shop, Map.of(sku, 1), true));
            placed.incrementAndGet();
        }
        return orders;
    }

    /** A shop's order in which the first line has one unit more: the same order delivered with other lines. */
    static Map<String, Integer> otherLines(Order order) {
        Map<String, Integer> lines = linesOf(order);
        String first = lines.keySet().iterator().next();
        lines.merge(first, 1, Integer::sum);
        return lines;
    }

    /** A shop's order's units per SKU. */
    static Map<String, Integer> linesOf(Order order) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        order.lines().forEach(l -> lines.merge(l.sku(), l.quantity(), Integer::sum));
        return lines;
    }
}
