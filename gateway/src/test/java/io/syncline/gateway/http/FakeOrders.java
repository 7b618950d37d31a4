package io.syncline.gateway.http;

import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderCommands.CancelOrder;
import io.syncline.api.orders.OrderCommands.PlaceOrder;
import io.syncline.api.orders.OrderCommands.ShipOrder;
import io.syncline.api.orders.OrderQueries.FindOrder;
import io.syncline.api.orders.OrderQueries.FindOrderByChannelOrder;
import io.syncline.api.orders.OrderQueries.ListOrders;
import io.syncline.api.orders.OrderQueries.OrderPage;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Stands in for the orders service. An order is decided shortly after it is placed: REJECTED when
 * a line's SKU starts with {@code nostock}, left PENDING when one starts with {@code slow},
 * CONFIRMED otherwise; one with a {@code boom} SKU fails outright. Duplicated channel orders are refused as DUPLICATE naming the first.
 */
public class FakeOrders {

    static final long DECISION_DELAY_MS = 150;

    private final QueryUpdateEmitter emitter;
    private final ScheduledExecutorService projection = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, OrderView> state = new ConcurrentHashMap<>();
    private final Map<String, OrderView> views = new ConcurrentHashMap<>();
    private final Map<String, String> channelOrders = new ConcurrentHashMap<>();
    final List<MetaData> metadata = new CopyOnWriteArrayList<>();

    public FakeOrders(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    @CommandHandler
    public synchronized String handle(PlaceOrder command, MetaData meta) {
        metadata.add(meta);
        if (command.lines().stream().anyMatch(l -> l.sku().startsWith("boom"))) {
            throw new IllegalStateException("the orders service failed");
        }
        String key = command.merchantId() + "|" + command.channel() + "|" + command.channelOrderId();
        String existing = channelOrders.putIfAbsent(key, command.orderId());
        if (existing != null) {
            throw Refusals.duplicate("Channel order exists as " + existing, existing);
        }
        Instant now = Instant.now();
        OrderView placed = new OrderView(
                command.orderId(),
                command.merchantId(),
                command.channel(),
                command.channelOrderId(),
                OrderStatus.PENDING,
                command.lines(),
                null,
                now,
                now);
        change(placed);
        boolean slow = command.lines().stream().anyMatch(l -> l.sku().startsWith("slow"));
        if (!slow) {
            String rejected = command.lines().stream()
                    .map(l -> l.sku())
                    .filter(s -> s.startsWith("nostock"))
                    .findFirst()
                    .map(s -> "OUT_OF_STOCK:" + s)
                    .orElse(null);
            projection.schedule(() -> decide(command.orderId(), rejected), DECISION_DELAY_MS, TimeUnit.MILLISECONDS);
        }
        return command.orderId();
    }

    @CommandHandler
    public synchronized void handle(CancelOrder command, MetaData meta) {
        metadata.add(meta);
        OrderView order = owned(command.orderId(), command.merchantId());
        if (order.status() == OrderStatus.SHIPPED
                || order.status() == OrderStatus.CANCELLED
                || order.status() == OrderStatus.REJECTED) {
            throw Refusals.conflict("Order is " + order.status());
        }
        change(with(order, OrderStatus.CANCELLED, command.reason()));
    }

    @CommandHandler
    public synchronized void handle(ShipOrder command, MetaData meta) {
        metadata.add(meta);
        OrderView order = owned(command.orderId(), command.merchantId());
        if (order.status() != OrderStatus.CONFIRMED) {
            throw Refusals.conflict("Only a CONFIRMED order ships; this one is " + order.status());
        }
        change(with(order, OrderStatus.SHIPPED, null));
    }

    @QueryHandler
    public Optional<OrderView> handle(FindOrder query) {
        return Optional.ofNullable(views.get(query.orderId()))
                .filter(v -> v.merchantId().equals(query.merchantId()));
    }

    @QueryHandler
    public Optional<OrderView> handle(FindOrderByChannelOrder query) {
        return views.values().stream()
                .filter(v -> v.merchantId().equals(query.merchantId())
                        && v.channel().equals(query.channel())
                        && v.channelOrderId().equals(query.channelOrderId()))
                .findFirst();
    }

    @QueryHandler
    public OrderPage handle(ListOrders query) {
        List<OrderView> all = views.values().stream()
                .filter(v -> v.merchantId().equals(query.merchantId()))
                .filter(v -> query.status() == null || v.status() == query.status())
                .sorted(Comparator.comparing(OrderView::createdAt).reversed())
                .toList();
        List<OrderView> page = all.stream()
                .skip((long) query.page() * query.size())
                .limit(query.size())
                .toList();
        return new OrderPage(page, query.page(), query.size(), all.size());
    }

    private synchronized void decide(String orderId, String rejection) {
        OrderView order = state.get(orderId);
        if (order.status() == OrderStatus.PENDING) {
            change(with(order, rejection == null ? OrderStatus.CONFIRMED : OrderStatus.REJECTED, rejection));
        }
    }

    private OrderView owned(String orderId, String merchantId) {
        OrderView order = state.get(orderId);
        if (order == null || !order.merchantId().equals(merchantId)) {
            throw Refusals.notFound("Order " + orderId + " not found");
        }
        return order;
    }

    private void change(OrderView view) {
        state.put(view.orderId(), view);
        projection.schedule(
                () -> {
                    views.put(view.orderId(), view);
                    emitter.emit(
                            FindOrder.class,
                            q -> q.orderId().equals(view.orderId())
                                    && q.merchantId().equals(view.merchantId()),
                            view);
                },
                FakeInventory.PROJECTION_LAG_MS,
                TimeUnit.MILLISECONDS);
    }

    private static OrderView with(OrderView v, OrderStatus status, String reason) {
        return new OrderView(
                v.orderId(),
                v.merchantId(),
                v.channel(),
                v.channelOrderId(),
                status,
                v.lines(),
                reason,
                v.createdAt(),
                Instant.now());
    }
}
