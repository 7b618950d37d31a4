package io.syncline.orders.fulfilment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.syncline.api.inventory.StockCommands.CommitStock;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.inventory.StockIds;
import io.syncline.api.orders.OrderCommands;
import io.syncline.api.orders.OrderCommands.ConfirmOrder;
import io.syncline.api.orders.OrderCommands.RejectOrder;
import io.syncline.api.orders.OrderCommands.ReportFulfilmentResumed;
import io.syncline.api.orders.OrderCommands.ReportFulfilmentStall;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.orders.OrdersProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Reserves the stock of a placed order, SKU by SKU, then confirms it, or rejects it when a SKU is
 * short, unknown or does not answer in time. It lives on after confirmation because it owns the
 * reservations: shipping commits them, cancelling releases them.
 * <p>
 * Every command it sends is waited for by the event it causes, so none is lost: a failed send is
 * retried in memory ({@link FulfilmentCommands}), and whatever is still outstanding (a rejection, a
 * release, a commit) is sent again from the persisted {@value #FULFILMENT_RETRY} deadline at doubling
 * intervals until its event arrives. After {@code stall-after} such retries without progress the order
 * is reported stalled ({@code OrderFulfilmentStalled}: an ERROR line, a meter, the order's view), and
 * resumed once it moves again. A {@code ConfirmOrder} is sent again by the fulfilment timeout.
 * <p>
 * Once the order is rejected or cancelled, everything reserved is released, and so is every SKU
 * still unanswered: at the stock that release voids the reservation should it come later, which is
 * then refused ({@code RESERVATION_CLOSED}) rather than taken. The saga ends once the order is final
 * and every SKU is settled: released, refused, voided or, after shipment, committed.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
public class OrderFulfilmentSaga {

    static final String ORDER_ID = "orderId";
    static final String FULFILMENT_TIMEOUT = "fulfilment-timeout";
    static final String FULFILMENT_RETRY = "fulfilment-retry";
    /** Scheduled by earlier versions; an instance stored with one treats it as a retry. */
    static final String FULFILMENT_ABANDON = "fulfilment-abandon";

    static final String TIMEOUT_REASON = "TIMEOUT";

    /** Where the order stands as far as fulfilment is concerned. */
    enum Phase {
        /** Waiting for the inventory's answers. */
        RESERVING,
        /** Everything reserved; {@code ConfirmOrder} sent. */
        CONFIRMING,
        CONFIRMED,
        /** {@code RejectOrder} sent; waiting for {@code OrderRejected} and for the releases. */
        REJECTING,
        /** Rejected or cancelled: waiting until nothing stays reserved. */
        CLOSING,
        /** Shipped: waiting until every reservation is committed. */
        SHIPPING
    }

    /** What the inventory did about one SKU. */
    enum Reservation {
        /** {@code ReserveStock} sent, no answer yet. */
        REQUESTED,
        RESERVED,
        /** Refused: nothing held. */
        REJECTED,
        /** {@code ReleaseStock} sent, not yet seen released. */
        RELEASING,
        RELEASED,
        /** {@code CommitStock} sent, not yet seen committed. */
        COMMITTING,
        COMMITTED
    }

    private String orderId;
    private String merchantId;
    private Phase phase;
    /** Per SKU of the order, in the order's line order. */
    private LinkedHashMap<String, Reservation> skus = new LinkedHashMap<>();

    private String rejectionReason;
    private String timeoutId;
    private String retryId;
    private String abandonId;
    /** Retries of the outstanding commands since the last progress. */
    private int attempts;

    private boolean stalled;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlaced event, FulfilmentCommands commands, DeadlineManager deadlines, OrdersProperties properties) {
        orderId = event.orderId();
        merchantId = event.merchantId();
        phase = Phase.RESERVING;
        timeoutId = deadlines.schedule(properties.fulfilmentTimeout(), FULFILMENT_TIMEOUT);
        for (OrderLine line : OrderCommands.mergedBySku(event.lines())) {
            skus.put(line.sku(), Reservation.REQUESTED);
            commands.send(
                    orderId, new ReserveStock(stockId(line.sku()), merchantId, line.sku(), orderId, line.quantity()));
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReserved event, FulfilmentCommands commands, DeadlineManager deadlines, OrdersProperties properties) {
        Reservation reservation = reservationOf(event.merchantId(), event.sku());
        if (reservation != Reservation.REQUESTED && reservation != Reservation.RELEASING) {
            return;
        }
        progress(commands);
        if (closing()) {
            // too late: the order will not be fulfilled, so the units go straight back
            skus.put(event.sku(), Reservation.RELEASING);
            commands.send(orderId, new ReleaseStock(event.stockId(), merchantId, event.sku(), orderId));
            awaitSettlement(deadlines, properties);
            return;
        }
        skus.put(event.sku(), Reservation.RESERVED);
        if (phase == Phase.RESERVING && skus.values().stream().allMatch(r -> r == Reservation.RESERVED)) {
            // the timeout stays until OrderConfirmed arrives: should ConfirmOrder get lost, it sends it again
            phase = Phase.CONFIRMING;
            commands.send(orderId, new ConfirmOrder(orderId, merchantId));
        }
    }

    /**
     * Only an unanswered SKU can be refused: a refusal of one that is reserved or settled already is a
     * duplicate, and taking it would drop the SKU's commit at shipment.
     */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(
            StockReservationRejected event,
            FulfilmentCommands commands,
            DeadlineManager deadlines,
            OrdersProperties properties) {
        Reservation reservation = reservationOf(event.merchantId(), event.sku());
        if (reservation != Reservation.REQUESTED && !(reservation == Reservation.RELEASING && closing())) {
            return;
        }
        progress(commands);
        skus.put(event.sku(), Reservation.REJECTED);
        if (phase == Phase.RESERVING) {
            reject(rejectionReason(event), commands, deadlines, properties);
        } else if (closing()) {
            awaitSettlement(deadlines, properties);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReleased event, FulfilmentCommands commands, DeadlineManager deadlines, OrdersProperties properties) {
        released(event.merchantId(), event.sku(), commands, deadlines, properties);
    }

    /** Our release reached the stock before the reservation: nothing is held, and nothing will be. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(
            StockReservationVoided event,
            FulfilmentCommands commands,
            DeadlineManager deadlines,
            OrdersProperties properties) {
        released(event.merchantId(), event.sku(), commands, deadlines, properties);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockCommitted event, FulfilmentCommands commands, DeadlineManager deadlines, OrdersProperties properties) {
        if (reservationOf(event.merchantId(), event.sku()) == Reservation.COMMITTING) {
            progress(commands);
            skus.put(event.sku(), Reservation.COMMITTED);
            awaitSettlement(deadlines, properties);
        }
    }

    /** Axon reads a first parameter as the payload; these deadlines carry none, so the message comes first. */
    @DeadlineHandler(deadlineName = FULFILMENT_TIMEOUT)
    void onTimeout(
            DeadlineMessage<?> timeout,
            FulfilmentCommands commands,
            DeadlineManager deadlines,
            OrdersProperties properties) {
        timeoutId = null;
        if (phase == Phase.CONFIRMING) {
            // every SKU is reserved, so the order is confirmed, not rejected (ConfirmOrder is idempotent)
            timeoutId = deadlines.schedule(properties.fulfilmentTimeout(), FULFILMENT_TIMEOUT);
            commands.send(orderId, new ConfirmOrder(orderId, merchantId));
            countAttempt(commands, properties, "ConfirmOrder");
            return;
        }
        if (phase == Phase.RESERVING) {
            reject(TIMEOUT_REASON, commands, deadlines, properties);
        }
    }

    /** Sends again whatever has not taken effect yet, and comes back later should it still not. */
    @DeadlineHandler(deadlineName = FULFILMENT_RETRY)
    void onRetry(
            DeadlineMessage<?> retry,
            FulfilmentCommands commands,
            DeadlineManager deadlines,
            OrdersProperties properties) {
        retryId = null;
        List<Object> outstanding = outstanding();
        if (outstanding.isEmpty()) {
            return;
        }
        outstanding.forEach(command -> commands.send(orderId, command));
        countAttempt(
                commands,
                properties,
                outstanding.stream()
                        .map(c -> c.getClass().getSimpleName())
                        .distinct()
                        .collect(Collectors.joining(", ")));
        retryId = deadlines.schedule(properties.commandRetry().interval(attempts + 1), FULFILMENT_RETRY);
    }

    @DeadlineHandler(deadlineName = FULFILMENT_ABANDON)
    void onAbandon(
            DeadlineMessage<?> abandon,
            FulfilmentCommands commands,
            DeadlineManager deadlines,
            OrdersProperties properties) {
        abandonId = null;
        onRetry(abandon, commands, deadlines, properties);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderConfirmed event, FulfilmentCommands commands, DeadlineManager deadlines) {
        timeoutId = cancel(deadlines, FULFILMENT_TIMEOUT, timeoutId);
        if (phase == Phase.CONFIRMING) {
            progress(commands);
            phase = Phase.CONFIRMED;
        }
    }

    /** Normally our own rejection coming back; if someone else rejected it, compensate as we would. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRejected event, FulfilmentCommands commands, DeadlineManager deadlines, OrdersProperties properties) {
        finalised(commands, deadlines, properties);
    }

    /** Also ends a race our ConfirmOrder or RejectOrder lost: the cancellation won. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelled event, FulfilmentCommands commands, DeadlineManager deadlines, OrdersProperties properties) {
        finalised(commands, deadlines, properties);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderShipped event, FulfilmentCommands commands, DeadlineManager deadlines, OrdersProperties properties) {
        progress(commands);
        phase = Phase.SHIPPING;
        skus.replaceAll((sku, reservation) -> {
            if (reservation != Reservation.RESERVED) {
                return reservation;
            }
            commands.send(orderId, new CommitStock(stockId(sku), merchantId, sku, orderId));
            return Reservation.COMMITTING;
        });
        awaitSettlement(deadlines, properties);
    }

    private Reservation reservationOf(String eventMerchantId, String sku) {
        return merchantId.equals(eventMerchantId) ? skus.get(sku) : null;
    }

    private boolean closing() {
        return phase == Phase.REJECTING || phase == Phase.CLOSING;
    }

    private void reject(
            String reason, FulfilmentCommands commands, DeadlineManager deadlines, OrdersProperties properties) {
        timeoutId = cancel(deadlines, FULFILMENT_TIMEOUT, timeoutId);
        rejectionReason = reason;
        phase = Phase.REJECTING;
        releaseAll(commands);
        commands.send(orderId, new RejectOrder(orderId, merchantId, reason));
        awaitSettlement(deadlines, properties);
    }

    /** The order is rejected or cancelled: nothing of it may stay reserved. */
    private void finalised(FulfilmentCommands commands, DeadlineManager deadlines, OrdersProperties properties) {
        if (phase == Phase.CLOSING) {
            return;
        }
        if (phase == Phase.REJECTING) {
            progress(commands);
        } else {
            timeoutId = cancel(deadlines, FULFILMENT_TIMEOUT, timeoutId);
            releaseAll(commands);
        }
        phase = Phase.CLOSING;
        awaitSettlement(deadlines, properties);
    }

    private void released(
            String eventMerchantId,
            String sku,
            FulfilmentCommands commands,
            DeadlineManager deadlines,
            OrdersProperties properties) {
        Reservation reservation = reservationOf(eventMerchantId, sku);
        if (closing() && (reservation == Reservation.RELEASING || reservation == Reservation.REQUESTED)) {
            progress(commands);
            skus.put(sku, Reservation.RELEASED);
            awaitSettlement(deadlines, properties);
        }
    }

    /**
     * Releases what is reserved, and what is still unanswered: a release that overtakes its reservation
     * voids it at the stock, so it cannot be taken however late it comes. An unanswered SKU stays
     * {@code REQUESTED} until its answer (a refusal, a void, or a reservation released when reported).
     */
    private void releaseAll(FulfilmentCommands commands) {
        for (Map.Entry<String, Reservation> sku : skus.entrySet()) {
            if (sku.getValue() == Reservation.RESERVED || sku.getValue() == Reservation.REQUESTED) {
                commands.send(orderId, new ReleaseStock(stockId(sku.getKey()), merchantId, sku.getKey(), orderId));
            }
            if (sku.getValue() == Reservation.RESERVED) {
                sku.setValue(Reservation.RELEASING);
            }
        }
    }

    /** The commands whose effect has not been seen yet, as they are sent again. */
    private List<Object> outstanding() {
        List<Object> commands = new ArrayList<>();
        if (phase == Phase.REJECTING) {
            commands.add(
                    new RejectOrder(orderId, merchantId, rejectionReason == null ? TIMEOUT_REASON : rejectionReason));
        }
        skus.forEach((sku, reservation) -> {
            if (reservation == Reservation.RELEASING || (reservation == Reservation.REQUESTED && closing())) {
                commands.add(new ReleaseStock(stockId(sku), merchantId, sku, orderId));
            } else if (reservation == Reservation.COMMITTING) {
                commands.add(new CommitStock(stockId(sku), merchantId, sku, orderId));
            }
        });
        return commands;
    }

    /** Ends once nothing is outstanding; until then a retry deadline stands. */
    private void awaitSettlement(DeadlineManager deadlines, OrdersProperties properties) {
        boolean finalPhase = phase == Phase.CLOSING || phase == Phase.SHIPPING;
        boolean settled = outstanding().isEmpty();
        if (finalPhase && settled) {
            timeoutId = cancel(deadlines, FULFILMENT_TIMEOUT, timeoutId);
            retryId = cancel(deadlines, FULFILMENT_RETRY, retryId);
            abandonId = cancel(deadlines, FULFILMENT_ABANDON, abandonId);
            SagaLifecycle.end();
        } else if (retryId == null && !settled) {
            retryId = deadlines.schedule(properties.commandRetry().interval(attempts + 1), FULFILMENT_RETRY);
        }
    }

    /** An event the saga waited for arrived: the fulfilment moves (again). */
    private void progress(FulfilmentCommands commands) {
        attempts = 0;
        if (stalled) {
            stalled = false;
            commands.send(orderId, new ReportFulfilmentResumed(orderId, merchantId));
        }
    }

    private void countAttempt(FulfilmentCommands commands, OrdersProperties properties, String what) {
        attempts++;
        if (!stalled && attempts >= properties.commandRetry().stallAfter()) {
            stalled = true;
            String reason = what + " sent " + (attempts + 1) + " times without taking effect";
            commands.stalled(orderId, new ReportFulfilmentStall(orderId, merchantId, reason), reason);
        }
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
        String cause =
                switch (event.reason()) {
                    case INSUFFICIENT_STOCK -> "OUT_OF_STOCK";
                    case UNKNOWN_SKU -> "UNKNOWN_SKU";
                    // only our own releases void a reservation, and they close the saga first;
                    // should it reach an open order anyway, the order cannot be fulfilled
                    case RESERVATION_CLOSED -> "RESERVATION_CLOSED";
                };
        return cause + ":" + event.sku();
    }
}
