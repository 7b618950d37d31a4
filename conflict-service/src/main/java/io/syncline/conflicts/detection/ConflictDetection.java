package io.syncline.conflicts.detection;

import io.syncline.api.channels.ChannelEvents.ChannelOrderRedelivered;
import io.syncline.api.channels.ChannelEvents.ChannelOrderStatusRefused;
import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Side;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderStatus;
import io.syncline.conflicts.ConflictsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Finds the disagreements with the channels in the event stream. One segment, events in order (see
 * {@link DetectionConfiguration}), so that concurrent reports of one cause open one conflict. What it keeps commits
 * with the processor's token; conflict ids derive from the revealing event, so a redelivery opens nothing new.
 */
@Component
@ProcessingGroup(ConflictDetection.PROCESSING_GROUP)
class ConflictDetection {

    static final String PROCESSING_GROUP = "conflict-detection";

    private final Causes causes;
    private final Suspects suspects;
    private final Books books;
    private final ConflictOpener opener;
    private final SettleTimer timer;
    private final Explanations explanations;
    private final Duration settleAfter;
    /**
     * How far back a SKU's moves are kept: a report is judged by states up to {@code settle-at-most} before it, until
     * settled, at most that long after it.
     */
    private final Duration movesKept;

    ConflictDetection(
            Causes causes,
            Suspects suspects,
            Books books,
            ConflictOpener opener,
            SettleTimer timer,
            Explanations explanations,
            ConflictsProperties properties) {
        this.causes = causes;
        this.suspects = suspects;
        this.books = books;
        this.opener = opener;
        this.timer = timer;
        this.explanations = explanations;
        this.settleAfter = properties.settleAfter();
        this.movesKept = properties.settleAtMost().multipliedBy(2);
    }

    @EventHandler
    void on(ChannelQuantityReported report, @MessageIdentifier String eventId, @Timestamp Instant takenAt) {
        if (report.wanted() == null) {
            return; // we did not know what we wanted then: nothing to judge by
        }
        int theirs = report.channelQuantity();
        int ours = report.wanted();
        String key = Finding.stockKey(report.channelId(), report.sku());
        String conflictId = Finding.conflictId(eventId, ConflictKind.STOCK_MISMATCH);
        Optional<Causes.Cause> open = causes.open(report.merchantId(), key);
        if (causes.known(conflictId)) {
            return; // this report opened a conflict already: a redelivery
        }
        Optional<StockMoves> stock = books.stock(report.merchantId(), report.sku());
        Integer available = stock.map(StockMoves::available).orElse(null);
        Belief belief = Belief.of(report);
        boolean explained = theirs == ours
                || Objects.equals(report.pushing(), theirs)
                // what we knew it to show less its own sales since; without that, the channel lags behind our
                // pushes, or our books took its sale before the report's wanted did
                || explanations.behindUs(
                        report.merchantId(),
                        report.channelId(),
                        report.sku(),
                        theirs,
                        report.buffer(),
                        belief,
                        report.reportedAt(),
                        takenAt,
                        stock)
                || explanations.oversold(
                        report.merchantId(), report.channelId(), report.sku(), ours, theirs, takenAt, takenAt);
        if (explained) {
            // a waiting suspect stays: the channel showing ours now (e.g. our push over a drift) does not explain
            // what it showed before
            return;
        }
        if (open.isPresent()) {
            suspects.drop(report.merchantId(), key);
            opener.reportAgain(
                    open.get().conflictId(),
                    new Finding(
                            conflictId,
                            report.merchantId(),
                            ConflictKind.STOCK_MISMATCH,
                            key,
                            report.channelId(),
                            report.sku(),
                            null,
                            Side.quantity(ours),
                            Side.quantity(theirs),
                            evidence(report, available),
                            takenAt));
            return;
        }
        Instant due = takenAt.plus(settleAfter);
        suspects.put(new Suspects.Suspect(
                report.merchantId(),
                key,
                report.channelId(),
                report.sku(),
                eventId,
                ours,
                theirs,
                report.buffer(),
                available,
                report.source(),
                report.deliveryId(),
                report.reportedAt(),
                takenAt,
                due,
                belief));
        timer.schedule(eventId, due);
    }

    private static Evidence evidence(ChannelQuantityReported report, Integer available) {
        return new Evidence(
                report.source(),
                report.deliveryId(),
                report.reportedAt(),
                report.buffer(),
                available,
                report.channelId() + " shows " + report.channelQuantity() + ", we wanted " + report.wanted());
    }

    @EventHandler
    void on(StockCounted e, @Timestamp Instant at) {
        moved(e.merchantId(), e.sku(), e.onHand() - e.reserved(), null, 0, at);
    }

    @EventHandler
    void on(StockAdjusted e, @Timestamp Instant at) {
        moved(e.merchantId(), e.sku(), e.onHand() - e.reserved(), null, 0, at);
    }

    @EventHandler
    void on(StockReserved e, @Timestamp Instant at) {
        String channel = books.channelOf(e.orderId(), false).orElse(null);
        moved(e.merchantId(), e.sku(), e.onHand() - e.reserved(), channel, channel == null ? 0 : -e.quantity(), at);
    }

    @EventHandler
    void on(StockReleased e, @Timestamp Instant at) {
        String channel = books.channelOf(e.orderId(), true).orElse(null);
        moved(e.merchantId(), e.sku(), e.onHand() - e.reserved(), channel, channel == null ? 0 : e.quantity(), at);
    }

    @EventHandler
    void on(StockCommitted e, @Timestamp Instant at) {
        moved(e.merchantId(), e.sku(), e.onHand() - e.reserved(), null, 0, at);
    }

    /** Our books moved: a waiting report that a channel lagging behind our pushes would show is explained. */
    private void moved(String merchantId, String sku, int available, String channel, int units, Instant at) {
        // the window before a report, and the longest it may wait to be settled
        StockMoves stock = books.moved(merchantId, sku, available, channel, units, at, at.minus(movesKept));
        for (Suspects.Suspect s : suspects.ofSku(merchantId, sku)) {
            // one judged by what we knew the channel to show is settled by its orders, at its time
            if (s.belief() == null && explanations.lagging(stock, s.channel(), s.theirs(), s.buffer(), s.takenAt())) {
                suspects.dropReport(s.reportId());
            }
        }
    }

    @EventHandler
    void on(StockReservationRejected e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (e.reason() != RejectionReason.INSUFFICIENT_STOCK) {
            return;
        }
        books.order(e.orderId())
                .ifPresent(order -> opener.openOrReport(new Finding(
                        Finding.conflictId(eventId, ConflictKind.OVERSOLD),
                        e.merchantId(),
                        ConflictKind.OVERSOLD,
                        Finding.orderKey(ConflictKind.OVERSOLD, e.orderId()),
                        order.channel(),
                        e.sku(),
                        e.orderId(),
                        Side.quantity(e.available()),
                        Side.quantity(e.quantity()),
                        new Evidence(
                                "order",
                                null,
                                at,
                                null,
                                e.available(),
                                "order " + order.channelOrderId() + " wants " + e.quantity() + " of " + e.sku() + ", "
                                        + e.available() + " available"),
                        at)));
    }

    @EventHandler
    void on(ChannelOrderRedelivered e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Side theirs = Side.lines(e.lines());
        String key = Finding.orderKey(ConflictKind.DUPLICATE_ORDER, e.orderId());
        if (causes.latest(e.merchantId(), key)
                .filter(c -> theirs.equals(c.theirs()))
                .isPresent()) {
            return; // the same other lines again: decided, or waiting, already
        }
        opener.openOrReport(new Finding(
                Finding.conflictId(eventId, ConflictKind.DUPLICATE_ORDER),
                e.merchantId(),
                ConflictKind.DUPLICATE_ORDER,
                key,
                e.channelId(),
                null,
                e.orderId(),
                Side.lines(e.orderLines()),
                theirs,
                new Evidence(
                        "webhook",
                        e.deliveryId(),
                        e.at(),
                        null,
                        null,
                        "channel order " + e.channelOrderId() + " delivered again with other lines"),
                at));
    }

    @EventHandler
    void on(ChannelOrderStatusRefused e, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (e.channelStatus() == OrderStatus.CANCELLED) {
            // the channel may have put its units back: a stock report showing them is this conflict's, not another
            books.channelCancelled(e.orderId(), at);
        }
        opener.openOrReport(new Finding(
                Finding.conflictId(eventId, ConflictKind.STATUS_MISMATCH),
                e.merchantId(),
                ConflictKind.STATUS_MISMATCH,
                Finding.orderKey(ConflictKind.STATUS_MISMATCH, e.orderId()),
                e.channelId(),
                null,
                e.orderId(),
                Side.status(e.orderStatus().name()),
                Side.status(e.channelStatus().name()),
                new Evidence(
                        "webhook",
                        e.deliveryId(),
                        e.at(),
                        null,
                        null,
                        "channel order " + e.channelOrderId() + " is " + e.channelStatus() + " on the channel, "
                                + e.orderStatus() + " here"),
                at));
    }

    @EventHandler
    void on(OrderPlaced e) {
        books.placed(e);
    }

    @EventHandler
    void on(OrderConfirmed e, @Timestamp Instant at) {
        books.status(e.orderId(), OrderStatus.CONFIRMED.name(), at);
    }

    @EventHandler
    void on(OrderRejected e, @Timestamp Instant at) {
        books.status(e.orderId(), OrderStatus.REJECTED.name(), at);
    }

    @EventHandler
    void on(OrderCancelled e, @Timestamp Instant at) {
        books.status(e.orderId(), OrderStatus.CANCELLED.name(), at);
    }

    @EventHandler
    void on(OrderShipped e, @Timestamp Instant at) {
        books.status(e.orderId(), OrderStatus.SHIPPED.name(), at);
    }

    /** A resolved conflict frees its cause: the next disagreement of it opens a new one. */
    @EventHandler
    void on(ConflictResolved e) {
        causes.resolved(e.conflictId());
    }
}
