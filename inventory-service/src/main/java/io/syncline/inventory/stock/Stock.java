package io.syncline.inventory.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.syncline.api.common.Refusals;
import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CommitStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockDetailsChanged;
import io.syncline.api.inventory.StockEvents.StockRanLow;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.inventory.StockIds;
import io.syncline.inventory.stock.SettledOrders.Settlement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The stock of one SKU of one merchant: what is on hand and what orders hold of it.
 * Snapshotted with Jackson, hence field access and a no-arg constructor; the revision makes
 * Axon skip snapshots taken from an older shape of this class.
 */
@Aggregate(snapshotTriggerDefinition = "stockSnapshotTrigger", cache = "stockCache")
@Revision("3")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
public class Stock {

    @AggregateIdentifier
    private String stockId;

    private String merchantId;
    private String sku;
    private String name;
    private int onHand;
    private int lowStockThreshold;
    /** orderId -> units held; reserved is their sum. */
    private Map<String, Integer> reservations = new HashMap<>();
    /** Orders that held, or were refused, a reservation here: none of them reserves again. */
    private SettledOrders settled = new SettledOrders();
    /** Keys of recent adjustments: none of them adjusts again. */
    private RecentAdjustments adjustments = new RecentAdjustments();

    protected Stock() {
        // for event sourcing, snapshots and CREATE_IF_MISSING
    }

    /**
     * Defines the stock on first count; afterwards sets on-hand and details. Answers
     * {@code true} when it defined the stock (201 at the edge), {@code false} otherwise (200).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Boolean handle(CountStock command) {
        boolean defined = stockId != null;
        if (defined) {
            checkOwner(command.merchantId(), command.sku());
        }
        if (command.onHand() < 0 || command.lowStockThreshold() < 0) {
            throw Refusals.invalid("onHand and lowStockThreshold must not be negative");
        }
        if (!defined) {
            if (!Objects.equals(command.stockId(), StockIds.of(command.merchantId(), command.sku()))) {
                throw Refusals.invalid("stock id does not match merchant and SKU");
            }
            apply(new StockDefined(
                    command.stockId(),
                    command.merchantId(),
                    command.sku(),
                    command.name(),
                    command.lowStockThreshold()));
            apply(new StockCounted(stockId, merchantId, sku, 0, command.onHand(), 0));
            return Boolean.TRUE;
        }
        if (command.onHand() < reserved()) {
            throw Refusals.conflict("on-hand " + command.onHand() + " is below the " + reserved() + " reserved");
        }
        Levels before = levels();
        // a count without a name keeps the name the stock has
        String newName = command.name() != null ? command.name() : name;
        if (!Objects.equals(newName, name) || command.lowStockThreshold() != lowStockThreshold) {
            apply(new StockDetailsChanged(stockId, merchantId, sku, newName, command.lowStockThreshold()));
        }
        if (command.onHand() != onHand) {
            apply(new StockCounted(stockId, merchantId, sku, onHand, command.onHand(), reserved()));
        }
        signalIfRanLow(before);
        return Boolean.FALSE;
    }

    /** An adjustment whose key was applied already changes nothing: its sender sent it again. */
    @CommandHandler
    public void handle(AdjustStock command) {
        checkOwner(command.merchantId(), command.sku());
        if (command.adjustmentId() != null && adjustments.contains(command.adjustmentId())) {
            return;
        }
        if (command.delta() == 0) {
            throw Refusals.invalid("delta must not be zero");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw Refusals.invalid("reason is required");
        }
        long newOnHand = (long) onHand + command.delta();
        if (newOnHand < reserved()) {
            throw Refusals.conflict("on-hand would be " + newOnHand + ", below the " + reserved() + " reserved");
        }
        if (newOnHand > Integer.MAX_VALUE) {
            throw Refusals.invalid("on-hand would exceed " + Integer.MAX_VALUE);
        }
        Levels before = levels();
        apply(new StockAdjusted(
                stockId,
                merchantId,
                sku,
                command.delta(),
                command.reason(),
                (int) newOnHand,
                reserved(),
                command.adjustmentId()));
        signalIfRanLow(before);
    }

    /**
     * Reserves for an order. Called by {@link StockReservationHandler}, which also answers for
     * SKUs that do not exist; a shortage is an event the order saga reacts to, not a failure.
     * A duplicate changes nothing: neither while the order holds its units nor once they were
     * released, committed or refused (answering it with a rejection would make the saga drop that SKU).
     */
    public void reserve(ReserveStock command) {
        checkOwner(command.merchantId(), command.sku());
        Settlement settlement = settled.of(command.orderId());
        if (settlement == Settlement.VOIDED) {
            // its release came first: the saga waits for this answer to end
            apply(new StockReservationRejected(
                    stockId,
                    merchantId,
                    sku,
                    command.orderId(),
                    command.quantity(),
                    available(),
                    RejectionReason.RESERVATION_CLOSED));
            return;
        }
        if (settlement != null || reservations.containsKey(command.orderId())) {
            return;
        }
        int available = available();
        if (available < command.quantity()) {
            apply(new StockReservationRejected(
                    stockId,
                    merchantId,
                    sku,
                    command.orderId(),
                    command.quantity(),
                    available,
                    RejectionReason.INSUFFICIENT_STOCK));
            return;
        }
        Levels before = levels();
        apply(new StockReserved(
                stockId,
                merchantId,
                sku,
                command.orderId(),
                command.quantity(),
                onHand,
                reserved() + command.quantity()));
        signalIfRanLow(before);
    }

    /** Called by {@link StockReservationHandler}, which also answers for SKUs that do not exist. */
    public void release(ReleaseStock command) {
        checkOwner(command.merchantId(), command.sku());
        Integer held = reservations.get(command.orderId());
        if (held == null) {
            // a release overtook its reservation: close the order here so the late reservation is refused
            if (settled.of(command.orderId()) == null) {
                apply(new StockReservationVoided(stockId, merchantId, sku, command.orderId()));
            }
            return;
        }
        Levels before = levels();
        apply(new StockReleased(stockId, merchantId, sku, command.orderId(), held, onHand, reserved() - held));
        signalIfRanLow(before);
    }

    @CommandHandler
    public void handle(CommitStock command) {
        checkOwner(command.merchantId(), command.sku());
        Integer held = reservations.get(command.orderId());
        if (held == null) {
            return;
        }
        Levels before = levels();
        apply(new StockCommitted(stockId, merchantId, sku, command.orderId(), held, onHand - held, reserved() - held));
        signalIfRanLow(before);
    }

    @EventSourcingHandler
    void on(StockDefined event) {
        stockId = event.stockId();
        merchantId = event.merchantId();
        sku = event.sku();
        name = event.name();
        lowStockThreshold = event.lowStockThreshold();
    }

    @EventSourcingHandler
    void on(StockDetailsChanged event) {
        name = event.name();
        lowStockThreshold = event.lowStockThreshold();
    }

    @EventSourcingHandler
    void on(StockCounted event) {
        onHand = event.onHand();
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        onHand = event.onHand();
        if (event.adjustmentId() != null) {
            adjustments.remember(event.adjustmentId());
        }
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        reservations.put(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        reservations.remove(event.orderId());
        settled.remember(event.orderId(), Settlement.RELEASED);
    }

    @EventSourcingHandler
    void on(StockCommitted event) {
        reservations.remove(event.orderId());
        settled.remember(event.orderId(), Settlement.COMMITTED);
        onHand = event.onHand();
    }

    @EventSourcingHandler
    void on(StockReservationVoided event) {
        settled.remember(event.orderId(), Settlement.VOIDED);
    }

    /** After a voided order's refusal too: its duplicates then change nothing, like any other. */
    @EventSourcingHandler
    void on(StockReservationRejected event) {
        settled.remember(event.orderId(), Settlement.REJECTED);
    }

    /** Another merchant's stock is reported as missing, never as someone else's. */
    private void checkOwner(String commandMerchantId, String commandSku) {
        if (!Objects.equals(merchantId, commandMerchantId) || !Objects.equals(sku, commandSku)) {
            throw Refusals.notFound("no stock for SKU " + commandSku);
        }
    }

    /** Fires once per downward crossing: it needs the stock above the threshold before the change. */
    private void signalIfRanLow(Levels before) {
        int available = available();
        if (before.available() > before.threshold() && available <= lowStockThreshold) {
            apply(new StockRanLow(stockId, merchantId, sku, available, lowStockThreshold));
        }
    }

    private Levels levels() {
        return new Levels(available(), lowStockThreshold);
    }

    private int reserved() {
        return reservations.values().stream().mapToInt(Integer::intValue).sum();
    }

    private int available() {
        return onHand - reserved();
    }

    private record Levels(int available, int threshold) {}
}
