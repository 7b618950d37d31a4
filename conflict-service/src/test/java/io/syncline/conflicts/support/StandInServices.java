package io.syncline.conflicts.support;

import io.syncline.api.common.Refusals;
import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockQueries.FindStock;
import io.syncline.api.inventory.StockQueries.StockView;
import io.syncline.api.orders.OrderCommands.CancelOrder;
import io.syncline.api.orders.OrderCommands.ShipOrder;
import io.syncline.api.orders.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The inventory and orders services as far as a resolution uses them: their commands' contract (a refusal where
 * the real aggregates refuse, with their wording) and the stock read model. Records every command it gets.
 */
public class StandInServices {

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final Map<String, StockView> stock = new ConcurrentHashMap<>();
    private final Map<String, OrderStatus> orders = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Commands wait from now on until {@link #releaseCommands()}, as a slow service would keep them. */
    public void holdCommands() {
        gate = new CountDownLatch(1);
    }

    public void releaseCommands() {
        gate.countDown();
    }

    private void pass() {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("commands held for too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A SKU of merchant {@link Conflicts#MERCHANT} with these levels. */
    public void stock(String sku, String name, int onHand, int reserved, int lowStockThreshold) {
        stock.put(sku, view(sku, name, onHand, reserved, lowStockThreshold));
    }

    public void order(String orderId, OrderStatus status) {
        orders.put(orderId, status);
    }

    /** The commands received, in order. */
    public List<Object> received() {
        return List.copyOf(received);
    }

    public Optional<OrderStatus> status(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @CommandHandler
    void handle(AdjustStock command) {
        pass();
        received.add(command);
        StockView view = stock.get(command.sku());
        if (view == null) {
            throw Refusals.notFound("no stock for SKU " + command.sku());
        }
        int onHand = view.onHand() + command.delta();
        if (onHand < view.reserved()) {
            throw Refusals.conflict("on-hand would be " + onHand + ", below the " + view.reserved() + " reserved");
        }
        stock(view.sku(), view.name(), onHand, view.reserved(), view.lowStockThreshold());
    }

    @CommandHandler
    Boolean handle(CountStock command) {
        pass();
        received.add(command);
        StockView view = stock.get(command.sku());
        int reserved = view == null ? 0 : view.reserved();
        if (command.onHand() < reserved) {
            throw Refusals.conflict("on-hand " + command.onHand() + " is below the " + reserved + " reserved");
        }
        stock(command.sku(), command.name(), command.onHand(), reserved, command.lowStockThreshold());
        return view == null;
    }

    @QueryHandler
    Optional<StockView> handle(FindStock query) {
        return Conflicts.MERCHANT.equals(query.merchantId())
                ? Optional.ofNullable(stock.get(query.sku()))
                : Optional.empty();
    }

    @CommandHandler
    void handle(CancelOrder command) {
        pass();
        received.add(command);
        OrderStatus status = orders.get(command.orderId());
        if (status != OrderStatus.PENDING && status != OrderStatus.CONFIRMED) {
            throw Refusals.conflict("Order " + command.orderId() + " is " + status + " and cannot be cancelled");
        }
        orders.put(command.orderId(), OrderStatus.CANCELLED);
    }

    @CommandHandler
    void handle(ShipOrder command) {
        pass();
        received.add(command);
        OrderStatus status = orders.get(command.orderId());
        if (status != OrderStatus.CONFIRMED) {
            throw Refusals.conflict(
                    "Order " + command.orderId() + " is " + status + "; only a CONFIRMED order can be shipped");
        }
        orders.put(command.orderId(), OrderStatus.SHIPPED);
    }

    private static StockView view(String sku, String name, int onHand, int reserved, int lowStockThreshold) {
        int available = Math.max(0, onHand - reserved);
        return new StockView(
                Conflicts.MERCHANT,
                sku,
                name,
                onHand,
                reserved,
                available,
                lowStockThreshold,
                available <= lowStockThreshold,
                1,
                Instant.EPOCH);
    }
}
