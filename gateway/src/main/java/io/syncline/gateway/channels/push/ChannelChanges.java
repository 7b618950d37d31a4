package io.syncline.gateway.channels.push;

import io.syncline.gateway.channels.ChannelChange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A channel's buffer, enabled state or listing changed: its wanted quantities are computed again. */
@Component
class ChannelChanges {

    private final PushBook book;
    private final PushSignal signal;

    ChannelChanges(PushBook book, PushSignal signal) {
        this.book = book;
        this.signal = signal;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ChannelChange change) {
        boolean due = change.sku() == null
                ? book.channelChanged(change.merchantId(), change.channelId())
                : book.listingChanged(change.merchantId(), change.channelId(), change.sku());
        if (due) {
            signal.nudgeAfter(book.coalesce());
        }
    }
}
