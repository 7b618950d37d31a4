package io.syncline.simulator.orders;

import io.syncline.simulator.ShopKind;
import io.syncline.simulator.shops.Item;
import io.syncline.simulator.shops.Shop;
import io.syncline.simulator.shops.StockChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The orders of every shop and their moves. Each move takes the shop's lock, changes the stock as the platform
 * would (an order takes its units, a cancellation before shipment gives them back) and tells the platform, which
 * sends its webhooks.
 */
public final class Orders {

    /** A line asked for: units of a SKU. */
    public record Wanted(String sku, int quantity) {}

    private final Map<ShopKind, OrderListener> listeners;
    private final Map<String, Book> books = new ConcurrentHashMap<>();

    public Orders(Map<ShopKind, OrderListener> listeners) {
        this.listeners = Map.copyOf(listeners);
    }

    // a generator left running for hours must not fill the heap: the oldest orders are forgotten, as read-outs
    // of a real shop's API page through recent orders only
    private static final int KEPT = 50_000;

    private static final class Book {
        final Map<String, Order> byId = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Order> eldest) {
                return size() > KEPT;
            }
        };
        int number = 1000;
    }

    /**
     * Places an order of these lines.
     *
     * @param oversell take the units even when the shop has fewer (its quantity goes negative), as a shop that keeps
     *                 selling when out of stock does
     * @throws OrderRefused for an unknown SKU, a line without units, or too little stock without {@code oversell}
     */
    public Order place(Shop shop, List<Wanted> wanted, boolean oversell) {
        if (wanted.isEmpty()) {
            throw new OrderRefused("an order needs at least one line");
        }
        Order order;
        synchronized (shop) {
            Map<String, Integer> units = units(wanted);
            List<OrderLine> lines = lines(shop, units, oversell);
            Book book = book(shop);
            Instant now = shop.clock().instant();
            order = new Order(
                    shop.ids().next(),
                    shop.name(),
                    ++book.number,
                    lines,
                    OrderStatus.OPEN,
                    now,
                    now,
                    null,
                    null,
                    null,
                    null,
                    null);
            book.byId.put(order.id(), order);
            for (OrderLine line : lines) {
                Item item = shop.item(line.sku()).orElseThrow();
                shop.set(item, item.quantity() - line.quantity(), StockChange.ORDER, false);
            }
            listener(shop).placed(shop, order);
        }
        return order;
    }

    /**
     * Delivers an order's creation again with other lines: a new {@code orders/create} (Shopify, under a new event
     * id) or order status webhook (TikTok Shop, a new notification id, its current status), the same order id. The
     * order reads with the new lines from then on (TikTok Shop's Order Detail API included); the shop's stock stays
     * as the first lines left it, as a platform that re-sends an edited order does not sell again.
     *
     * @throws OrderRefused for an unknown order or SKU, or a line without units
     */
    public Order redeliver(Shop shop, String orderId, List<Wanted> wanted) {
        if (wanted.isEmpty()) {
            throw new OrderRefused("an order needs at least one line");
        }
        synchronized (shop) {
            Order before = existing(shop, orderId);
            Order after = before.withLines(
                    lines(shop, units(wanted), true), shop.clock().instant());
            book(shop).byId.put(orderId, after);
            listener(shop).placed(shop, after);
            return after;
        }
    }

    private static Map<String, Integer> units(List<Wanted> wanted) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (Wanted line : wanted) {
            if (line.quantity() < 1) {
                throw new OrderRefused("line " + line.sku() + " has no units");
            }
            units.merge(line.sku(), line.quantity(), Integer::sum);
        }
        return units;
    }

    /** The lines of these units, each with fresh line and unit ids. */
    private static List<OrderLine> lines(Shop shop, Map<String, Integer> units, boolean oversell) {
        List<OrderLine> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> line : units.entrySet()) {
            Item item = shop.item(line.getKey())
                    .orElseThrow(() -> new OrderRefused("shop " + shop.name() + " sells no SKU " + line.getKey()));
            if (!oversell && item.quantity() < line.getValue()) {
                throw new OrderRefused("shop " + shop.name() + " has " + item.quantity() + " of " + item.sku()
                        + ", fewer than the " + line.getValue() + " ordered");
            }
            List<String> unitIds = new ArrayList<>();
            for (int i = 0; i < line.getValue(); i++) {
                unitIds.add(shop.ids().next());
            }
            lines.add(new OrderLine(
                    shop.ids().next(),
                    item.sku(),
                    item.title(),
                    item.price(),
                    line.getValue(),
                    item.productId(),
                    item.variantId(),
                    item.skuId(),
                    unitIds));
        }
        return lines;
    }

    /**
     * Cancels an order. A shipped or delivered one is cancelled too (a shop that cancels what it shipped is one of
     * the misbehaviours), without its units coming back.
     *
     * @throws OrderRefused when it is unknown or already cancelled
     */
    public Order cancel(Shop shop, String orderId, String reason) {
        synchronized (shop) {
            Order before = existing(shop, orderId);
            if (before.status() == OrderStatus.CANCELLED) {
                throw new OrderRefused("order " + orderId + " is already cancelled");
            }
            Order after = before.cancelled(shop.clock().instant(), reason != null ? reason : "customer");
            book(shop).byId.put(orderId, after);
            if (before.status() == OrderStatus.OPEN) {
                for (OrderLine line : before.lines()) {
                    shop.item(line.sku())
                            .ifPresent(item ->
                                    shop.set(item, item.quantity() + line.quantity(), StockChange.RESTOCK, false));
                }
            }
            listener(shop).cancelled(shop, after, before);
            return after;
        }
    }

    /** @throws OrderRefused unless the order is open */
    public Order ship(Shop shop, String orderId) {
        synchronized (shop) {
            Order before = existing(shop, orderId);
            if (before.status() != OrderStatus.OPEN) {
                throw new OrderRefused("order " + orderId + " is " + before.status() + ", so it cannot ship");
            }
            Order after = before.shipped(shop.clock().instant(), shop.ids().next());
            book(shop).byId.put(orderId, after);
            listener(shop).shipped(shop, after);
            return after;
        }
    }

    /** @throws OrderRefused unless the order has shipped */
    public Order deliver(Shop shop, String orderId) {
        synchronized (shop) {
            Order before = existing(shop, orderId);
            if (before.status() != OrderStatus.SHIPPED) {
                throw new OrderRefused("order " + orderId + " is " + before.status() + ", so it cannot be delivered");
            }
            Order after = before.delivered(shop.clock().instant());
            book(shop).byId.put(orderId, after);
            listener(shop).delivered(shop, after);
            return after;
        }
    }

    public Optional<Order> find(Shop shop, String orderId) {
        synchronized (shop) {
            return Optional.ofNullable(book(shop).byId.get(orderId));
        }
    }

    /** The shop's orders, oldest first. */
    public List<Order> list(Shop shop) {
        synchronized (shop) {
            return new ArrayList<>(book(shop).byId.values());
        }
    }

    /** The newest {@code limit} orders of the shop, oldest first. */
    public List<Order> latest(Shop shop, int limit) {
        synchronized (shop) {
            List<Order> all = new ArrayList<>(book(shop).byId.values());
            return new ArrayList<>(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }

    public int count(Shop shop) {
        synchronized (shop) {
            return book(shop).byId.size();
        }
    }

    public void forget(Shop shop) {
        books.remove(shop.name());
    }

    private Order existing(Shop shop, String orderId) {
        Order order = book(shop).byId.get(orderId);
        if (order == null) {
            throw OrderRefused.notFound("shop " + shop.name() + " has no order " + orderId);
        }
        return order;
    }

    private Book book(Shop shop) {
        return books.computeIfAbsent(shop.name(), name -> new Book());
    }

    private OrderListener listener(Shop shop) {
        return listeners.get(shop.kind());
    }
}
