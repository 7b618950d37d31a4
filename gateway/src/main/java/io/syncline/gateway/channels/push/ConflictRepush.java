package io.syncline.gateway.channels.push;

import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * A stock mismatch resolved, whichever way: every listing of the SKU is pushed again, so each channel shows what
 * we want it to show now (keeping ours pushes ours over the channel's; accepting theirs or a count moved ours).
 * In the stock processing group, so that it comes after the stock events the resolution caused.
 */
@Component
@ProcessingGroup(StockLevelsProjection.PROCESSING_GROUP)
class ConflictRepush {

    private final PushBook book;
    private final PushSignal signal;

    ConflictRepush(PushBook book, PushSignal signal) {
        this.book = book;
        this.signal = signal;
    }

    @EventHandler
    void on(ConflictResolved e) {
        if (e.kind() != ConflictKind.STOCK_MISMATCH || e.sku() == null) {
            return;
        }
        if (book.pushAgain(e.merchantId(), e.sku())) {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(uow -> signal.nudge());
            } else {
                signal.nudge();
            }
        }
    }
}
