package io.syncline.orders.fulfilment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.syncline.api.inventory.StockCommands.CommitStock;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.inventory.StockIds;
import io.syncline.api.orders.OrderCommands;
import io.syncline.api.orders.OrderCommands.ConfirmOrder;
import io.syncline.api.orders.OrderCommands.RejectOrder;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.orders.OrdersProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reserves the stock of a placed order, SKU by SKU, then confirms it, or rejects it when a SKU is
 * short, unknown or does not answer in time. It lives on after confirmation because it owns the
 * reservations: shipping commits them, cancelling releases them.
 * <p>
 * Once the order is rejected or cancelled, everything reserved is released, and so is every SKU
 * still unanswered: at the stock that release voids the reservation should it come later, which is
 * then refused ({@code RESERVATION_CLOSED}) rather than taken. A reservation that was taken before
 * the release is released when it is reported. The saga therefore ends only when every SKU has
 * answered; should an answer never come, the {@value #FULFILMENT_ABANDON} deadline
 * ({@value #ABANDON_AFTER_TIMEOUTS} fulfilment timeouts) ends it anyway, and a reservation arriving
 * after that is still refused.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class OrderFulfilmentSaga {

    static final String ORDER_ID = "orderId";
    static final String FULFILMENT_TIMEOUT = "fulfilment-timeout";
    static final String FULFILMENT_ABANDON = "fulfilment-abandon";
    static final int ABANDON_AFTER_TIMEOUTS = 10;
    static final String TIMEOUT_REASON = "TIMEOUT";

    private static final Logger log = LoggerFactory.getLogger(OrderFulfilmentSaga.class);

    /** Where the order stands as far as fulfilment is concerned. */
    enum Phase {
        /** Waiting for the inventory's answers. */
        RESERVING,
        /** Everything reserved; {@code ConfirmOrder} sent. */
        CONFIRMING,
        CONFIRMED,
        /** Rejected, timed out or cancelled: nothing may stay reserved; waiting for late answers. */
        CLOSING
    }

    /** What the inventory said about one SKU. */
    enum Reservation {
        REQUESTED, RESERVED, REJECTED, RELEASED
    }

    private String orderId;
    private String merchantId;
    private Phase phase;
    /** Per SKU of the order, in the order's line order. */
    private LinkedHashMap<String, Reservation> skus = new LinkedHashMap<>();
    private String timeoutId;
    private String abandonId;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlaced event, CommandGateway commands, DeadlineManager deadlines, OrdersProperties properties) {
        orderId = event.orderId();
        merchantId = event.merchantId();
        phase = Phase.RESERVING;
        timeoutId = deadlines.schedule(properties.fulfilmentTimeout(), FULFILMENT_TIMEOUT);
        for (OrderLine line : OrderCommands.mergedBySku(event.lines())) {
            skus.put(line.sku(), Reservation.REQUESTED);
            send(commands, new ReserveStock(stockId(line.sku()), merchantId, line.sku(), orderId, line.quantity()));
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReserved event, CommandGateway commands, DeadlineManager deadlines) {
        if (!concerns(event.merchantId(), event.sku())) {
            return;
        }
        if (phase == Phase.CLOSING) {
            // too late: the order will not be fulfilled, so the units go straight back
            skus.put(event.sku(), Reservation.RELEASED);
            send(commands, new ReleaseStock(event.stockId(), merchantId, event.sku(), orderId));
            endIfSettled(deadlines);
            return;
        }
        skus.put(event.sku(), Reservation.RESERVED);
        if (phase == Phase.RESERVING && skus.values().stream().allMatch(r -> r == Reservation.RESERVED)) {
            // the timeout stays until OrderConfirmed arrives: should ConfirmOrder get lost, it sends it again
            phase = Phase.CONFIRMING;
            send(commands, new ConfirmOrder(orderId, merchantId));
        }
    }

    /**
     * Only an unanswered SKU can be refused: a refusal of one that is reserved, released or refused
     * already is a duplicate, and taking it would drop the SKU's commit at shipment.
     */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRejected event, CommandGateway commands, DeadlineManager deadlines,
            OrdersProperties properties) {
        if (!concerns(event.merchantId(), event.sku()) || skus.get(event.sku()) != Reservation.REQUESTED) {
            return;
        }
        skus.put(event.sku(), Reservation.REJECTED);
        if (phase == Phase.RESERVING) {
            timeoutId = cancel(deadlines, FULFILMENT_TIMEOUT, timeoutId);
            releaseAll(commands);
            send(commands, new RejectOrder(orderId, merchantId, rejectionReason(event)));
            close(deadlines, properties);
        } else if (phase == Phase.CLOSING) {
            endIfSettled(deadlines);
        }
    }

    /** Axon reads a first parameter as the payload; these deadlines carry none, so the message comes first. */
    @DeadlineHandler(deadlineName = FULFILMENT_TIMEOUT)
    void onTimeout(DeadlineMessage<?> timeout, CommandGateway commands, DeadlineManager deadlines,
                   OrdersProperties properties) {
        timeoutId = null;
        if (phase == Phase.CONFIRMING) {
            // every SKU is reserved, so the order is confirmed, not rejected (ConfirmOrder is idempotent)
            timeoutId = deadlines.schedule(properties.fulfilmentTimeout(), FULFILMENT_TIMEOUT);
            send(commands, new ConfirmOrder(orderId, merchantId));
            return;
        }
        if (phase != Phase.RESERVING) {
            return;
        }
        releaseAll(commands);
        send(commands, new RejectOrder(orderId, merchantId, TIMEOUT_REASON));
        close(deadlines, properties);
    }

    @DeadlineHandler(deadlineName = FULFILMENT_ABANDON)
    void onAbandon(DeadlineMessage<?> abandon, DeadlineManager deadlines) {
        abandonId = null;
        log.warn("Order {}: no answer from the inventory for {}; fulfilment ends without them", orderId,
                skus.entrySet().stream().filter(e -> e.getValue() == Reservation.REQUESTED).map(Map.Entry::getKey)
                        .toList());
        end(deadlines);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderConfirmed event, DeadlineManager deadlines) {
        timeoutId = cancel(deadlines, FULFILMENT_TIMEOUT, timeoutId);
        if (phase == Phase.CONFIRMING) {
            phase = Phase.CONFIRMED;
        }
    }

    /** Normally our own rejection coming back; if someone else rejected it, compensate as we would. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRejected event, CommandGateway commands, DeadlineManager deadlines, OrdersProperties properties) {
        if (phase != Phase.CLOSING) {
            timeoutId = cancel(deadlines, FULFILMENT_TIMEOUT, timeoutId);
            releaseAll(commands);
            close(deadlines, properties);
        }
    }

    /**
     * Also ends a race our ConfirmOrder or RejectOrder lost: the cancellation won. Already closing (our
     * rejection lost), everything was released then.
     */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelled event, CommandGateway commands, DeadlineManager deadlines, OrdersProperties properties) {
        if (phase != Phase.CLOSING) {
            timeoutId = cancel(deadlines, FULFILMENT_TIMEOUT, timeoutId);
            releaseAll(commands);
            close(deadlines, properties);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderShipped event, CommandGateway commands, DeadlineManager deadlines) {
        skus.forEach((sku, reservation) -> {
            if (reservation == Reservation.RESERVED) {
                send(commands, new CommitStock(stockId(sku), merchantId, sku, orderId));
            }
        });
        end(deadlines);
    }

    private boolean concerns(String eventMerchantId, String sku) {
        return merchantId.equals(eventMerchantId) && skus.containsKey(sku);
    }

    /**
     * Releases what is reserved, and what is still unanswered: a release that overtakes its reservation
     * voids it at the stock, so it cannot be taken however late it comes. An unanswered SKU stays
     * {@code REQUESTED} until its answer (a refusal, or a reservation released when reported) arrives.
     */
    private void releaseAll(CommandGateway commands) {
        for (Map.Entry<String, Reservation> sku : skus.entrySet()) {
            if (sku.getValue() == Reservation.RESERVED || sku.getValue() == Reservation.REQUESTED) {
                send(commands, new ReleaseStock(stockId(sku.getKey()), merchantId, sku.getKey(), orderId));
            }
            if (sku.getValue() == Reservation.RESERVED) {
                sku.setValue(Reservation.RELEASED);
            }
        }
    }

    /** The order will not be fulfilled: end now, or once the outstanding answers are in. */
    private void close(DeadlineManager deadlines, OrdersProperties properties) {
        phase = Phase.CLOSING;
        if (!endIfSettled(deadlines) && abandonId == null) {
            abandonId = deadlines.schedule(properties.fulfilmentTimeout().multipliedBy(ABANDON_AFTER_TIMEOUTS),
                    FULFILMENT_ABANDON);
        }
    }

    private boolean endIfSettled(DeadlineManager deadlines) {
        if (skus.containsValue(Reservation.REQUESTED)) {
            return false;
        }
        end(deadlines);
        return true;
    }

    private void end(DeadlineManager deadlines) {
        timeoutId = cancel(deadlines, FULFILMENT_TIMEOUT, timeoutId);
        abandonId = cancel(deadlines, FULFILMENT_ABANDON, abandonId);
        SagaLifecycle.end();
    }

    private static String cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
        return null;
    }

    private String stockId(String sku) {
        return StockIds.of(merchantId, sku);
    }

    /** The order's reason, e.g. {@code OUT_OF_STOCK:<sku>}; every stock refusal reason maps to its own. */
    private static String rejectionReason(StockReservationRejected event) {
        String cause = switch (event.reason()) {
            case INSUFFICIENT_STOCK -> "OUT_OF_STOCK";
            case UNKNOWN_SKU -> "UNKNOWN_SKU";
            // only our own releases void a reservation, and they close the saga first;
            // should it reach an open order anyway, the order cannot be fulfilled
            case RESERVATION_CLOSED -> "RESERVATION_CLOSED";
        };
        return cause + ":" + event.sku();
    }

    /** Fire and forget: a failed command must not fail the saga; the outcome arrives as events. */
    private void send(CommandGateway commands, Object command) {
        commands.send(command).whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("Order {}: {} failed: {}", orderId, command.getClass().getSimpleName(), failure.getMessage());
            }
        });
    }
}
