package io.syncline.gateway.channels.push;

import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReserved;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Follows every SKU's available stock (on-hand less reserved, as each stock event says it is after the
 * change) into the listings' wanted quantities, and wakes the push workers once that is committed. Replays
 * are harmless: an older level never overwrites a newer one.
 */
@Component
@ProcessingGroup(StockLevelsProjection.PROCESSING_GROUP)
class StockLevelsProjection {

    static final String PROCESSING_GROUP = "channel-stock";

    private final PushBook book;
    private final PushSignal signal;

    StockLevelsProjection(PushBook book, PushSignal signal) {
        this.book = book;
        this.signal = signal;
    }

    @EventHandler
    void on(StockDefined e, @Timestamp Instant at) {
        changed(e.merchantId(), e.sku(), 0, at);
    }

    @EventHandler
    void on(StockCounted e, @Timestamp Instant at) {
        changed(e.merchantId(), e.sku(), e.onHand() - e.reserved(), at);
    }

    @EventHandler
    void on(StockAdjusted e, @Timestamp Instant at) {
        changed(e.merchantId(), e.sku(), e.onHand() - e.reserved(), at);
    }

    @EventHandler
    void on(StockReserved e, @Timestamp Instant at) {
        changed(e.merchantId(), e.sku(), e.onHand() - e.reserved(), at);
    }

    @EventHandler
    void on(StockReleased e, @Timestamp Instant at) {
        changed(e.merchantId(), e.sku(), e.onHand() - e.reserved(), at);
    }

    @EventHandler
    void on(StockCommitted e, @Timestamp Instant at) {
        changed(e.merchantId(), e.sku(), e.onHand() - e.reserved(), at);
    }

    private void changed(String merchantId, String sku, int available, Instant at) {
        if (book.stockChanged(merchantId, sku, Math.max(0, available), at)) {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(uow -> signal.nudgeAfter(book.coalesce()));
            } else {
                signal.nudgeAfter(book.coalesce());
            }
        }
    }
}
