package io.syncline.gateway.channels.push;

import io.syncline.gateway.channels.ChannelAccess;
import io.syncline.gateway.channels.ChannelKind;
import io.syncline.gateway.channels.ChannelRegistry;
import io.syncline.gateway.channels.PeriodicTask;
import io.syncline.gateway.channels.shopify.ShopifyApiException;
import io.syncline.gateway.channels.tiktok.TikTokApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every reconcile interval, reads back what each listing's channel shows and reports a difference from
 * what we believe it shows, so an edit made on the channel's side is caught even when no webhook tells of
 * it. A channel whose breaker is open is left alone until it closes.
 */
@Component
class Reconciler extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final PushBook book;
    private final ChannelRegistry registry;
    private final ChannelPusher pusher;
    private final ChannelResilience resilience;
    private final QuantityReports reports;
    private final Clock clock = Clock.systemUTC();

    Reconciler(
            PushBook book,
            ChannelRegistry registry,
            ChannelPusher pusher,
            ChannelResilience resilience,
            QuantityReports reports,
            @Value("${syncline.channels.reconcile-interval:10m}") Duration interval) {
        super("channel-reconcile", interval);
        this.book = book;
        this.registry = registry;
        this.pusher = pusher;
        this.resilience = resilience;
        this.reports = reports;
    }

    /** Reads every listing back once; returns how many differed. */
    int reconcile() {
        int differed = 0;
        for (PushTarget listing : book.reconcilable()) {
            if (resilience.state(listing.merchantId(), listing.channelId())
                    != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED) {
                continue;
            }
            Optional<ChannelAccess> channel = registry.access(listing.merchantId(), listing.channelId());
            if (channel.isEmpty() || !channel.get().settings().enabled()) {
                continue;
            }
            try {
                // what the read shows may predate a push that started or was acknowledged while it was under way
                // (Shopify's echo of that push may even be taken first): such a read tells nothing, the next round
                // reads again
                Instant readAt = clock.instant();
                Optional<Integer> shown = pusher.read(channel.get(), listing);
                if (shown.isPresent()
                        && !Objects.equals(shown.get(), listing.channelQuantity())
                        && !book.pushedSince(listing, readAt)) {
                    differed++;
                    boolean shopify = channel.get().settings().kind() == ChannelKind.SHOPIFY;
                    reports.report(
                            listing.merchantId(),
                            listing.channelId(),
                            shopify ? listing.inventoryItemId() : listing.skuId(),
                            shopify
                                    ? channel.get().settings().locationId()
                                    : channel.get().settings().warehouseId(),
                            shown.get(),
                            readAt,
                            null,
                            ReportSource.RECONCILE);
                }
            } catch (ShopifyApiException | TikTokApiException e) {
                log.warn("Could not read {} back from its channel: {}", listing.describe(), e.getMessage());
            }
        }
        return differed;
    }

    @Override
    protected void runOnce() {
        try {
            int differed = reconcile();
            if (differed > 0) {
                log.info("Reconciliation found {} listings whose channel shows other than we believed", differed);
            }
        } catch (RuntimeException e) {
            log.warn("Reconciliation failed: {}", e.toString());
        }
    }
}
