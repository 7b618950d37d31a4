package io.syncline.simulator.orders;

import io.syncline.simulator.OrderGeneratorConfig;
import io.syncline.simulator.OrderGeneratorConfig.SkuWeight;
import io.syncline.simulator.ShopKind;
import io.syncline.simulator.shops.Item;
import io.syncline.simulator.shops.Shop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Buyers of each shop: orders at the configured rate (arrivals at random, as buyers come), lines drawn from the
 * mix among what is in stock, and a share of them cancelled or shipped a while later. A shop out of stock of
 * everything in the mix gets no order, as a real shop sells nothing it does not have.
 */
public final class OrderGenerator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OrderGenerator.class.getName());

    /** What one shop's buyers did. */
    public record Stats(long placed, long skipped, long cancelled, long shipped) {}

    private final Orders orders;
    private final ScheduledExecutorService scheduler;
    private final Random random;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Counts> counts = new ConcurrentHashMap<>();

    /** What one shop's buyers did since the shop was added, over every configuration. */
    private static final class Counts {
        final AtomicLong placed = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong cancelled = new AtomicLong();
        final AtomicLong shipped = new AtomicLong();
    }

    public OrderGenerator(Orders orders, ScheduledExecutorService scheduler, Random random) {
        this.orders = orders;
        this.scheduler = scheduler;
        this.random = random;
    }

    private final class Run {
        final Shop shop;
        final OrderGeneratorConfig config;
        final Counts counts;
        volatile boolean stopped;
        volatile ScheduledFuture<?> next;
        /** When the next buyer arrives, on this run's own timeline ({@link System#nanoTime()}). */
        long arrival = System.nanoTime();

        Run(Shop shop, OrderGeneratorConfig config) {
            this.shop = shop;
            this.config = config;
            this.counts = OrderGenerator.this.counts.computeIfAbsent(shop.name(), name -> new Counts());
        }
    }

    /** Starts, changes or (rate 0) stops the buyers of {@code shop}; the counts go on. */
    public void configure(Shop shop, OrderGeneratorConfig config) {
        Run run = new Run(shop, config);
        Run before = runs.put(shop.name(), run);
        if (before != null) {
            stop(before);
        }
        if (config.running()) {
            scheduleNext(run);
        }
    }

    /** Stops the buyers of a shop that goes away, and forgets its counts. */
    public void stop(Shop shop) {
        counts.remove(shop.name());
        Run run = runs.remove(shop.name());
        if (run != null) {
            stop(run);
        }
    }

    public Stats stats(Shop shop) {
        Counts shopCounts = counts.get(shop.name());
        return shopCounts == null
                ? new Stats(0, 0, 0, 0)
                : new Stats(
                        shopCounts.placed.get(),
                        shopCounts.skipped.get(),
                        shopCounts.cancelled.get(),
                        shopCounts.shipped.get());
    }

    /**
     * One order drawn now as the shop's buyers draw them (its mix, even while the generator is stopped), with the
     * same chance of a follow-up while the generator runs; empty when nothing in the mix is in stock.
     */
    public Optional<Order> placeOne(Shop shop) {
        Run run = runs.getOrDefault(shop.name(), new Run(shop, shop.config().orders()));
        List<Orders.Wanted> lines = draw(run);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Order order = orders.place(shop, lines, false);
        run.counts.placed.incrementAndGet();
        if (runs.get(shop.name()) == run && !run.stopped) {
            followUp(run, order);
        }
        return Optional.of(order);
    }

    private static void stop(Run run) {
        run.stopped = true;
        ScheduledFuture<?> next = run.next;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void scheduleNext(Run run) {
        if (run.stopped) {
            return;
        }
        // exponential gaps: arrivals of independent buyers at an average rate
        double seconds = -Math.log(1 - random.nextDouble()) / run.config.ratePerSecond();
        long now = System.nanoTime();
        run.arrival = nextArrival(run.arrival, (long) (seconds * 1e9), now, MAX_LAG.toNanos());
        run.next = scheduler.schedule(() -> tick(run), Math.max(0, run.arrival - now), TimeUnit.NANOSECONDS);
    }

    /** How far the buyers may fall behind their timeline and still catch up (a stall of the machine, say). */
    static final Duration MAX_LAG = Duration.ofSeconds(1);

    /**
     * The next arrival: a gap after the one before, not after the order before is done, so that slow order
     * placement (a loaded machine, a slow webhook receiver) does not lower the rate. Buyers further behind than
     * {@code maxLag} are not all sent at once: a laptop waking from sleep gets no burst of a night's orders.
     */
    static long nextArrival(long previous, long gapNanos, long now, long maxLag) {
        return Math.max(previous, now - maxLag) + gapNanos;
    }

    private void tick(Run run) {
        if (run.stopped) {
            return;
        }
        try {
            List<Orders.Wanted> lines = draw(run);
            if (lines.isEmpty()) {
                run.counts.skipped.incrementAndGet();
            } else {
                Order order = orders.place(run.shop, lines, false);
                run.counts.placed.incrementAndGet();
                followUp(run, order);
            }
        } catch (OrderRefused raced) {
            // the stock moved between the draw and the order (a push, another order): this buyer goes away
            run.counts.skipped.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "order generation failed for shop " + run.shop.name(), e);
        } finally {
            scheduleNext(run);
        }
    }

    private List<Orders.Wanted> draw(Run run) {
        OrderGeneratorConfig config = run.config;
        Map<String, Double> weights = new HashMap<>();
        List<Item> items = run.shop.items();
        Map<String, Item> bySku = new HashMap<>();
        for (Item item : items) {
            bySku.put(item.sku(), item);
        }
        if (config.mix().isEmpty()) {
            items.forEach(item -> weights.put(item.sku(), 1.0));
        } else {
            for (SkuWeight entry : config.mix()) {
                if (bySku.containsKey(entry.sku())) {
                    weights.merge(entry.sku(), entry.weight(), Double::sum);
                }
            }
        }
        weights.entrySet()
                .removeIf(e -> e.getValue() <= 0 || bySku.get(e.getKey()).quantity() < 1);
        int wantedLines = between(config.minLines(), config.maxLines());
        List<Orders.Wanted> lines = new ArrayList<>();
        while (lines.size() < wantedLines && !weights.isEmpty()) {
            String sku = pick(weights);
            weights.remove(sku);
            int inStock = bySku.get(sku).quantity();
            int quantity = Math.min(between(config.minQuantity(), config.maxQuantity()), inStock);
            if (quantity >= 1) {
                lines.add(new Orders.Wanted(sku, quantity));
            }
        }
        return lines;
    }

    private String pick(Map<String, Double> weights) {
        double total =
                weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double at = random.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            last = entry.getKey();
            at -= entry.getValue();
            if (at < 0) {
                return last;
            }
        }
        return last;
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private void followUp(Run run, Order order) {
        double roll = random.nextDouble();
        if (roll < run.config.cancelShare()) {
            later(run, () -> {
                orders.cancel(run.shop, order.id(), "customer");
                run.counts.cancelled.incrementAndGet();
            });
        } else if (roll < run.config.cancelShare() + run.config.shipShare()) {
            later(run, () -> {
                orders.ship(run.shop, order.id());
                run.counts.shipped.incrementAndGet();
                if (run.shop.kind() == ShopKind.TIKTOK_SHOP) {
                    later(run, () -> orders.deliver(run.shop, order.id()));
                }
            });
        }
    }

    private void later(Run run, Runnable move) {
        Duration after = run.config.followUpAfter();
        // spread between half and one and a half times the configured wait, so follow-ups do not march in step
        long millis = (long) (after.toMillis() * (0.5 + random.nextDouble()));
        scheduler.schedule(
                () -> {
                    if (run.stopped) {
                        return;
                    }
                    try {
                        move.run();
                    } catch (OrderRefused moved) {
                        // someone moved the order first (the admin API): nothing left to do
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "an order follow-up failed for shop " + run.shop.name(), e);
                    }
                },
                millis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        runs.values().forEach(OrderGenerator::stop);
        runs.clear();
        counts.clear();
    }
}
