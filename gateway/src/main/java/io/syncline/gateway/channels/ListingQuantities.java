package io.syncline.gateway.channels;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the channels report they show for our listings. */
@Service
public class ListingQuantities {

    private final ListingRepository listings;
    private final Clock clock;

    @Autowired
    public ListingQuantities(ListingRepository listings) {
        this(listings, Clock.systemUTC());
    }

    ListingQuantities(ListingRepository listings, Clock clock) {
        this.listings = listings;
        this.clock = clock;
    }

    /** How a report was taken. */
    public sealed interface Taken {

        /** The listing now shows the reported quantity. */
        record Recorded(String sku) implements Taken {}

        /** A later report of the listing was taken already. */
        record Older(String sku) implements Taken {}

        /** No listing of the channel is this item. */
        record NoListing() implements Taken {}
    }

    /** Takes a Shopify inventory item's or a TikTok Shop SKU's quantity as the listing's channel quantity. */
    @Transactional
    public Taken report(
            ChannelKind kind, String merchantId, String channelId, String channelItemId, int quantity, Instant at) {
        List<ListingRow> matching = kind == ChannelKind.SHOPIFY
                ? listings.findByIdMerchantIdAndIdChannelIdAndInventoryItemId(merchantId, channelId, channelItemId)
                : listings.findByIdMerchantIdAndIdChannelIdAndSkuId(merchantId, channelId, channelItemId);
        Optional<ListingRow> listing = matching.stream().findFirst();
        if (listing.isEmpty()) {
            return new Taken.NoListing();
        }
        ListingRow row = listing.get();
        return row.reported(quantity, at, clock.instant()) ? new Taken.Recorded(row.sku()) : new Taken.Older(row.sku());
    }
}
