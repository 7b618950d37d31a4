package io.syncline.gateway.channels.webhooks;

import io.syncline.gateway.channels.ChannelAccess;
import io.syncline.gateway.channels.ChannelKind;
import io.syncline.gateway.channels.ChannelNotice;
import io.syncline.gateway.channels.ChannelRegistry;
import io.syncline.gateway.channels.UnreadableDeliveryException;
import io.syncline.gateway.channels.push.QuantityReports;
import io.syncline.gateway.channels.push.ReportSource;
import io.syncline.gateway.channels.shopify.ShopifyWebhooks;
import io.syncline.gateway.channels.tiktok.TikTokApi;
import io.syncline.gateway.channels.tiktok.TikTokApiException;
import io.syncline.gateway.channels.tiktok.TikTokOrders;
import io.syncline.gateway.channels.tiktok.TikTokReading;
import io.syncline.gateway.channels.tiktok.TikTokWebhooks;
import io.syncline.gateway.web.ServiceFailures;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** What one stored delivery means, applied: the platform's reader, then the order or the listing. */
@Service
class DeliveryProcessing {

    private final ChannelRegistry registry;
    private final ChannelOrderSync orders;
    private final QuantityReports quantities;
    private final DeliveryProperties properties;
    private final Clock clock = Clock.systemUTC();
    // one client for every channel: it keeps connections and threads, so it is not made per call
    private final HttpClient http;

    DeliveryProcessing(
            ChannelRegistry registry,
            ChannelOrderSync orders,
            QuantityReports quantities,
            DeliveryProperties properties) {
        this.registry = registry;
        this.orders = orders;
        this.quantities = quantities;
        this.properties = properties;
        this.http =
                HttpClient.newBuilder().connectTimeout(properties.apiTimeout()).build();
    }

    Outcome process(StoredDelivery delivery) {
        Optional<ChannelAccess> found = registry.access(delivery.merchantId(), delivery.channelId());
        if (found.isEmpty()) {
            return Outcome.ignored("The channel " + delivery.channelId() + " no longer exists", null);
        }
        ChannelAccess channel = found.get();
        try {
            ChannelNotice notice = channel.settings().kind() == ChannelKind.SHOPIFY
                    ? shopify(channel, delivery)
                    : tiktok(channel, delivery);
            return apply(channel, delivery, notice);
        } catch (UnreadableDeliveryException e) {
            return Outcome.failed(DeliveryFailure.willNotPass("Unreadable: " + e.getMessage()), null);
        } catch (IllegalArgumentException e) {
            return Outcome.failed(DeliveryFailure.willNotPass(e.getMessage()), null);
        } catch (TikTokApiException e) {
            return Outcome.failed(new DeliveryFailure(e.getMessage(), e.retryable(), e), null);
        } catch (DeliveryFailure e) {
            return Outcome.failed(e, e instanceof OrderFailure f ? f.orderId() : null);
        } catch (PessimisticLockingFailureException busy) {
            throw busy;
        } catch (RuntimeException e) {
            // a service that did not answer, a command timed out: it may pass, so it is tried again
            Throwable cause = ServiceFailures.unwrap(e);
            return Outcome.failed(
                    new DeliveryFailure("Syncline could not act on it yet: " + cause.getMessage(), true, e), null);
        }
    }

    private ChannelNotice shopify(ChannelAccess channel, StoredDelivery delivery) {
        Optional<String> shop = ShopifyWebhooks.header(delivery.headers(), ShopifyWebhooks.SHOP_DOMAIN);
        String host = host(channel.settings().apiBaseUrl());
        // one app may be installed in several shops under one secret: a shop's delivery sent to another
        // shop's channel must not act on it
        if (shop.isPresent() && host.endsWith(".myshopify.com") && !host.equalsIgnoreCase(shop.get())) {
            return new ChannelNotice.Ignored(
                    "Sent by the shop " + shop.get() + ", but the channel is the shop " + host);
        }
        return ShopifyWebhooks.read(delivery.delivery());
    }

    private ChannelNotice tiktok(ChannelAccess channel, StoredDelivery delivery) {
        TikTokReading reading = TikTokWebhooks.read(delivery.delivery());
        if (reading instanceof TikTokReading.Notice notice) {
            return notice.notice();
        }
        TikTokReading.OrderToRead toRead = (TikTokReading.OrderToRead) reading;
        TikTokOrders api = new TikTokOrders(tiktokApi(channel));
        return api.fetch(toRead.orderId());
    }

    private TikTokApi tiktokApi(ChannelAccess channel) {
        return new TikTokApi(
                http,
                URI.create(channel.settings().apiBaseUrl()),
                channel.settings().appKey(),
                channel.webhookSecret(),
                channel.accessToken(),
                channel.settings().shopCipher(),
                clock,
                properties.apiTimeout());
    }

    private Outcome apply(ChannelAccess channel, StoredDelivery delivery, ChannelNotice notice) {
        if (notice instanceof ChannelNotice.Ignored ignored) {
            return Outcome.ignored(ignored.why(), null);
        }
        if (notice instanceof ChannelNotice.QuantityReported reported) {
            return quantity(channel, delivery, reported);
        }
        if (notice instanceof ChannelNotice.OrderCreated created) {
            return orders.created(channel, created, delivery.deliveryId());
        }
        if (notice instanceof ChannelNotice.OrderCancelled cancelled) {
            return orders.cancelled(channel, cancelled, delivery.deliveryId());
        }
        return orders.shipped(channel, (ChannelNotice.OrderShipped) notice, delivery.deliveryId());
    }

    private Outcome quantity(ChannelAccess channel, StoredDelivery delivery, ChannelNotice.QuantityReported r) {
        String location = channel.settings().kind() == ChannelKind.SHOPIFY
                ? channel.settings().locationId()
                : channel.settings().warehouseId();
        if (location != null && r.locationId() != null && !location.equals(r.locationId())) {
            return Outcome.ignored(
                    "The quantity is at " + r.locationId() + ", not at the channel's location " + location, null);
        }
        QuantityReports.Taken taken = quantities.report(
                channel.merchantId(),
                channel.channelId(),
                r.channelItemId(),
                r.locationId(),
                r.available(),
                r.updatedAt(),
                delivery.deliveryId(),
                ReportSource.WEBHOOK);
        if (taken instanceof QuantityReports.Taken.NoListing) {
            return Outcome.ignored("No listing of this channel is " + r.channelItemId(), null);
        }
        if (taken instanceof QuantityReports.Taken.Older older) {
            return Outcome.ignored("A later quantity of " + older.sku() + " was reported already", null);
        }
        return Outcome.processed(null);
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
