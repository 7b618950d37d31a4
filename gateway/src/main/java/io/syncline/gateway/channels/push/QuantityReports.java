package io.syncline.gateway.channels.push;

import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Service;

/**
 * What a channel shows for one of our listings, however we learnt it (its webhook, a push found stale,
 * reconciliation): recorded on the listing, published as {@link ChannelQuantityReported}, and pushed over
 * when it is not what we want the channel to show.
 */
@Service
public class QuantityReports {

    private final ListingReports book;
    private final EventGateway events;
    private final PushSignal signal;

    QuantityReports(ListingReports book, EventGateway events, PushSignal signal) {
        this.book = book;
        this.events = events;
        this.signal = signal;
    }

    /** How a report was taken. */
    public sealed interface Taken {

        /** The listing shows the reported quantity now; the event is out when it was news. */
        record Recorded(String sku) implements Taken {}

        /** A later report of the listing was taken already. */
        record Older(String sku) implements Taken {}

        /** No listing of the channel is this item. */
        record NoListing() implements Taken {}
    }

    /**
     * @param channelItemId Shopify's inventory item or TikTok Shop's SKU id
     * @param deliveryId    the webhook delivery that said it; null when Syncline read it itself
     * @param source        how it was learnt
     */
    public Taken report(
            String merchantId,
            String channelId,
            String channelItemId,
            String locationId,
            int quantity,
            Instant at,
            String deliveryId,
            ReportSource source) {
        Optional<String> sku = book.skuOfItem(merchantId, channelId, channelItemId);
        if (sku.isEmpty()) {
            return new Taken.NoListing();
        }
        ListingReports.Reported reported =
                book.reported(merchantId, channelId, sku.get(), quantity, at).orElseThrow();
        if (!reported.taken()) {
            return new Taken.Older(sku.get());
        }
        if (!reported.changed()) {
            // what we believed it shows (a push of ours echoed back): nothing for anyone to act on
            return new Taken.Recorded(sku.get());
        }
        ListingReports.Belief belief = reported.believed();
        events.publish(new ChannelQuantityReported(
                merchantId,
                channelId,
                sku.get(),
                channelItemId,
                locationId,
                quantity,
                at,
                deliveryId,
                source.wire(),
                reported.wanted(),
                reported.buffer(),
                reported.pushing(),
                belief == null ? null : belief.quantity(),
                belief == null ? null : belief.from(),
                belief == null ? null : belief.at()));
        signal.nudge();
        return new Taken.Recorded(sku.get());
    }
}
