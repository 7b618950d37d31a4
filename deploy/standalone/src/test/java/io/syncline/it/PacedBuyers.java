package io.syncline.it;

import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.orders.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Buyers of the conflict flows' shops: orders of 1–2 SKUs, 1–2 units a line, at a bounded rate, each shop's buyers
 * on SKUs of their own (listed on both shops), each order on SKUs at rest: both shops show what Syncline will want
 * them to show once it has applied every order placed so far (our books took the last sale of the SKU and its push
 * reached the other shop).
 *
 * <p>Why: detection explains a channel's report by a push under way or by our books reaching what it shows. When
 * both shops sell one SKU, a shop can show a quantity our books only had before the other shop's sale, or never
 * had (its own sale on top of a push without the other's), while our next push to it is due but not yet sent:
 * TikTok's read-back then reports a small disagreement that the default rule resolves. The flows count every
 * conflict exactly, so they keep such races out and make their disagreements on purpose.
 */
final class PacedBuyers {

    private static final Duration AT_REST_WITHIN = Duration.ofSeconds(90);

    private final ChannelSimulator simulator;
    private final Map<String, Integer> buffers;
    private final Map<String, List<String>> skusOf;
    private final Map<String, Integer> available = new LinkedHashMap<>();
    private final Random random;
    private final long intervalNanos;
    private final AtomicInteger placed = new AtomicInteger();
    private long nextAt;

    /**
     * @param buffers   each shop's buffer
     * @param available each SKU's available units in Syncline now
     * @param skusOf    the SKUs each shop's buyers take
     */
    PacedBuyers(
            ChannelSimulator simulator,
            Map<String, Integer> buffers,
            Map<String, Integer> available,
            Map<String, List<String>> skusOf,
            double ordersPerSecond,
            long seed) {
        this.simulator = simulator;
        this.buffers = Map.copyOf(buffers);
        this.available.putAll(available);
        this.skusOf = Map.copyOf(skusOf);
        this.random = new Random(seed);
        this.intervalNanos = (long) (1e9 / ordersPerSecond);
        this.nextAt = System.nanoTime();
    }

    /** Orders placed so far, bursts included. */
    int placed() {
        return placed.get();
    }

    /** Places an order on {@code shop} in its turn, on SKUs at rest; waits for both. */
    synchronized Order place(String shop) {
        // pacing, not waiting for an outcome: the load is bounded to the rate
        long wait = nextAt - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        nextAt = Math.max(nextAt + intervalNanos, System.nanoTime() - intervalNanos);
        int lines = 1 + random.nextInt(2);
        List<String> chosen = atRest(skusOf.get(shop), lines);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (String sku : chosen) {
            wanted.put(sku, 1 + random.nextInt(2));
        }
        Order order = simulator.placeOrder(shop, wanted, false);
        wanted.forEach((sku, units) -> available.merge(sku, -units, Integer::sum));
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

    private List<String> atRest(List<String> skus, int count) {
        long deadline = System.nanoTime() + AT_REST_WITHIN.toNanos();
        while (true) {
            List<String> idle = new ArrayList<>();
            for (String sku : skus) {
                if (atRest(sku)) {
                    idle.add(sku);
                }
            }
            if (idle.size() >= count) {
                Collections.shuffle(idle, random);
                return idle.subList(0, count);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + count + " SKUs at rest within " + AT_REST_WITHIN.toSeconds()
                        + " s; wanted per shop against shown: " + state(skus));
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }

    private boolean atRest(String sku) {
        for (Map.Entry<String, Integer> shop : buffers.entrySet()) {
            if (simulator.quantity(shop.getKey(), sku) != Math.max(0, available.get(sku) - shop.getValue())) {
                return false;
            }
        }
        return true;
    }

    private String state(List<String> skus) {
        StringBuilder s = new StringBuilder();
        for (String sku : skus) {
            if (!atRest(sku)) {
                s.append(sku).append(" available ").append(available.get(sku));
                for (String shop : buffers.keySet()) {
                    s.append(", ").append(shop).append(" shows ").append(simulator.quantity(shop, sku));
                }
                s.append("; ");
            }
        }
        return s.toString();
    }
}
