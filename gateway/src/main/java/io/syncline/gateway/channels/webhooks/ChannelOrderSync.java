package io.syncline.gateway.channels.webhooks;

import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import io.syncline.gateway.channels.ChannelAccess;
import io.syncline.gateway.channels.ChannelNotice.OrderCancelled;
import io.syncline.gateway.channels.ChannelNotice.OrderCreated;
import io.syncline.gateway.channels.ChannelNotice.OrderShipped;
import io.syncline.gateway.inventory.StockService;
import io.syncline.gateway.orders.OrderRequests;
import io.syncline.gateway.orders.OrderService;
import io.syncline.gateway.web.GatewayProperties;
import io.syncline.gateway.web.ServiceFailures;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a channel's order deliveries into Syncline orders through the same commands as the API, in whatever
 * order they arrive. The channel order's row is locked while one of its deliveries is applied, so two
 * deliveries of one order never interleave, on any gateway. A cancellation or shipment that arrives before
 * the order is remembered there and applied once the order is placed; one older (by the platform's update
 * time) than one already applied changes nothing. What the channel does that Syncline keeps otherwise (the order
 * delivered again with other lines, a status its lifecycle refuses) is published as a channel fact.
 */
@Service
class ChannelOrderSync {

    private static final Duration DECISION_POLL = Duration.ofMillis(100);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate locked;
    private final TransactionTemplate outside;
    private final OrderService orders;
    private final StockService stock;
    private final ChannelOrderFacts facts;
    private final Duration decisionWait;
    private final Clock clock = Clock.systemUTC();

    ChannelOrderSync(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            OrderService orders,
            StockService stock,
            ChannelOrderFacts facts,
            GatewayProperties gateway) {
        this.jdbc = jdbc;
        this.locked = new TransactionTemplate(transactions);
        this.outside = new TransactionTemplate(transactions);
        // commands commit on their own, so that what they cause is seen while the row stays locked
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.orders = orders;
        this.stock = stock;
        this.facts = facts;
        this.decisionWait = gateway.readYourWritesTimeout();
    }

    /** A channel order's row: the order it became, and what the channel wanted before it existed. */
    private record Row(String orderId, OrderStatus wanted, String wantedReason, Instant lastUpdateAt) {}

    /** @param deliveryId the stored delivery that carried it */
    Outcome created(ChannelAccess channel, OrderCreated created, String deliveryId) {
        for (OrderLine line : created.lines()) {
            if (stock.find(channel.merchantId(), line.sku()).isEmpty()) {
                throw DeliveryFailure.mayPass("Unknown SKU " + line.sku() + " in order " + created.channelOrderId()
                        + ": add it to the inventory (PUT /api/inventory/" + line.sku()
                        + "); the delivery is tried again");
            }
        }
        return inLock(channel, created.channelOrderId(), row -> {
            OrderRequests.Place place = new OrderRequests.Place(
                    channel.channelId(),
                    created.channelOrderId(),
                    created.lines().stream()
                            .map(l -> new OrderRequests.Line(l.sku(), l.quantity()))
                            .toList());
            OrderService.Placement placement =
                    command(() -> orders.place(channel.merchantId(), place, created.placedAt(), Optional.empty()));
            String orderId = placement.orderId();
            if (placement.outcome() == OrderService.Outcome.EXISTING) {
                Optional<OrderView> order =
                        placement.view().isPresent() ? placement.view() : orders.find(channel.merchantId(), orderId);
                order.ifPresent(o -> facts.redelivered(channel, created, o, deliveryId));
            }
            if (row.orderId() == null) {
                jdbc.update(
                        "update channel_orders set order_id = ?, updated_at = ? where merchant_id = ?"
                                + " and channel_id = ? and channel_order_id = ?",
                        orderId,
                        Timestamp.from(clock.instant()),
                        channel.merchantId(),
                        channel.channelId(),
                        created.channelOrderId());
            }
            ChannelOrderFacts.Moved moved =
                    new ChannelOrderFacts.Moved(channel, created.channelOrderId(), orderId, deliveryId);
            if (row.wanted() == OrderStatus.CANCELLED) {
                return cancel(moved, row.wantedReason());
            }
            if (row.wanted() == OrderStatus.SHIPPED) {
                return ship(moved);
            }
            return Outcome.processed(orderId);
        });
    }

    Outcome cancelled(ChannelAccess channel, OrderCancelled cancelled, String deliveryId) {
        String reason = cancelled.reason() != null ? cancelled.reason() : "cancelled on the channel";
        return towards(
                channel,
                cancelled.channelOrderId(),
                cancelled.updatedAt(),
                OrderStatus.CANCELLED,
                reason,
                orderId -> cancel(
                        new ChannelOrderFacts.Moved(channel, cancelled.channelOrderId(), orderId, deliveryId), reason));
    }

    Outcome shipped(ChannelAccess channel, OrderShipped shipped, String deliveryId) {
        return towards(
                channel,
                shipped.channelOrderId(),
                shipped.updatedAt(),
                OrderStatus.SHIPPED,
                null,
                orderId -> ship(new ChannelOrderFacts.Moved(channel, shipped.channelOrderId(), orderId, deliveryId)));
    }

    /**
     * Takes the order where the channel says it went, unless an update later than this one was applied; an
     * order not placed yet is remembered to go there once its creation arrives.
     */
    private Outcome towards(
            ChannelAccess channel,
            String channelOrderId,
            Instant updatedAt,
            OrderStatus wanted,
            String reason,
            Function<String, Outcome> act) {
        return inLock(channel, channelOrderId, row -> {
            Optional<Outcome> older = older(row, updatedAt);
            if (older.isPresent()) {
                return older.get();
            }
            applied(channel, channelOrderId, updatedAt, row.orderId() == null ? wanted : null, reason);
            return row.orderId() == null ? Outcome.processed(null) : act.apply(row.orderId());
        });
    }

    private Outcome cancel(ChannelOrderFacts.Moved moved, String reason) {
        String merchantId = moved.merchantId();
        String orderId = moved.orderId();
        try {
            command(() -> {
                orders.cancel(merchantId, orderId, reason);
                return null;
            });
            return Outcome.processed(orderId);
        } catch (RuntimeException failure) {
            Optional<ErrorDetails> refusal = Refusals.detailsOf(ServiceFailures.unwrap(failure));
            if (refusal.isEmpty()) {
                throw failure;
            }
            OrderStatus status =
                    orders.find(merchantId, orderId).map(OrderView::status).orElse(null);
            if (status == OrderStatus.CANCELLED) {
                return Outcome.processed(orderId);
            }
            if (status == OrderStatus.SHIPPED) {
                facts.refused(moved, status, OrderStatus.CANCELLED);
            }
            return Outcome.ignored(
                    "The channel cancelled order " + orderId + ", which Syncline cannot cancel: "
                            + refusal.get().message(),
                    orderId);
        }
    }

    /** Ships once the order is confirmed; the delivery is tried again while it is still being decided. */
    private Outcome ship(ChannelOrderFacts.Moved moved) {
        String merchantId = moved.merchantId();
        String orderId = moved.orderId();
        OrderStatus status = awaitDecision(merchantId, orderId);
        if (status == OrderStatus.SHIPPED) {
            return Outcome.processed(orderId);
        }
        if (status == null || status == OrderStatus.PENDING) {
            throw new OrderFailure(
                    "Order " + orderId + " is not decided yet; it is shipped as the channel says once it is confirmed",
                    orderId);
        }
        if (status != OrderStatus.CONFIRMED) {
            if (status == OrderStatus.REJECTED || status == OrderStatus.CANCELLED) {
                facts.refused(moved, status, OrderStatus.SHIPPED);
            }
            return Outcome.ignored(
                    "The channel shipped order " + orderId + ", which is " + status + " in Syncline", orderId);
        }
        try {
            command(() -> {
                orders.ship(merchantId, orderId);
                return null;
            });
            return Outcome.processed(orderId);
        } catch (RuntimeException failure) {
            Optional<ErrorDetails> refusal = Refusals.detailsOf(ServiceFailures.unwrap(failure));
            if (refusal.isEmpty()) {
                throw failure;
            }
            return Outcome.ignored(
                    "The channel shipped order " + orderId + ": "
                            + refusal.get().message(),
                    orderId);
        }
    }

    private OrderStatus awaitDecision(String merchantId, String orderId) {
        long deadline = System.nanoTime() + decisionWait.toNanos();
        while (true) {
            OrderStatus status =
                    orders.find(merchantId, orderId).map(OrderView::status).orElse(null);
            if ((status != null && status != OrderStatus.PENDING) || System.nanoTime() >= deadline) {
                return status;
            }
            try {
                Thread.sleep(DECISION_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }

    private static Optional<Outcome> older(Row row, Instant updatedAt) {
        if (row.lastUpdateAt() != null && updatedAt != null && updatedAt.isBefore(row.lastUpdateAt())) {
            return Optional.of(Outcome.ignored(
                    "Older (" + updatedAt + ") than an update of this order already applied (" + row.lastUpdateAt()
                            + ")",
                    row.orderId()));
        }
        return Optional.empty();
    }

    private void applied(
            ChannelAccess channel, String channelOrderId, Instant updatedAt, OrderStatus wanted, String reason) {
        jdbc.update(
                "update channel_orders set last_update_at = coalesce(?, last_update_at),"
                        + " wanted = coalesce(?, wanted), wanted_reason = coalesce(?, wanted_reason), updated_at = ?"
                        + " where merchant_id = ? and channel_id = ? and channel_order_id = ?",
                updatedAt == null ? null : Timestamp.from(updatedAt),
                wanted == null ? null : wanted.name(),
                wanted == null ? null : reason,
                Timestamp.from(clock.instant()),
                channel.merchantId(),
                channel.channelId(),
                channelOrderId);
    }

    /** Runs {@code work} holding the channel order's row lock, creating the row first when needed. */
    private Outcome inLock(ChannelAccess channel, String channelOrderId, Function<Row, Outcome> work) {
        try {
            jdbc.update(
                    "insert into channel_orders (merchant_id, channel_id, channel_order_id, updated_at)"
                            + " values (?, ?, ?, ?)",
                    channel.merchantId(),
                    channel.channelId(),
                    channelOrderId,
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException exists) {
            // an earlier delivery of this order made it
        }
        return locked.execute(tx -> work.apply(jdbc.queryForObject(
                "select order_id, wanted, wanted_reason, last_update_at from channel_orders where merchant_id = ?"
                        + " and channel_id = ? and channel_order_id = ? for update",
                (rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_update_at");
                    String wanted = rs.getString("wanted");
                    return new Row(
                            rs.getString("order_id"),
                            wanted == null ? null : OrderStatus.valueOf(wanted),
                            rs.getString("wanted_reason"),
                            last == null ? null : last.toInstant());
                },
                channel.merchantId(),
                channel.channelId(),
                channelOrderId)));
    }

    private <T> T command(Supplier<T> call) {
        return outside.execute(tx -> call.get());
    }
}
