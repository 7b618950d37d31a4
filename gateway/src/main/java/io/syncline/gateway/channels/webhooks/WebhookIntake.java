package io.syncline.gateway.channels.webhooks;

import io.syncline.gateway.channels.ChannelAccess;
import io.syncline.gateway.channels.ChannelKind;
import io.syncline.gateway.channels.ChannelRegistry;
import io.syncline.gateway.channels.WebhookDelivery;
import io.syncline.gateway.channels.shopify.ShopifyWebhooks;
import io.syncline.gateway.channels.tiktok.TikTokWebhooks;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.ProblemType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Takes a webhook delivery in: finds the channel, checks the signature over the raw bytes and stores the
 * delivery in the inbox. Nothing here waits for processing, so the platform's answer is always fast.
 */
@Service
public class WebhookIntake {

    private static final String[] SHOPIFY_HEADERS = {
        ShopifyWebhooks.TOPIC,
        ShopifyWebhooks.SHOP_DOMAIN,
        ShopifyWebhooks.WEBHOOK_ID,
        ShopifyWebhooks.EVENT_ID,
        ShopifyWebhooks.TRIGGERED_AT,
        ShopifyWebhooks.API_VERSION
    };

    private final ChannelRegistry registry;
    private final DeliveryInbox inbox;
    private final DeliveryWorkers workers;

    WebhookIntake(ChannelRegistry registry, DeliveryInbox inbox, DeliveryWorkers workers) {
        this.registry = registry;
        this.inbox = inbox;
        this.workers = workers;
    }

    /** The stored delivery's id, and whether an earlier copy of it had been stored already. */
    public record Receipt(String deliveryId, boolean duplicate) {}

    public Receipt shopify(
            String merchantId, String channelId, byte[] body, Map<String, String> headers, String correlationId) {
        ChannelAccess channel = channel(merchantId, channelId, ChannelKind.SHOPIFY);
        WebhookDelivery delivery =
                ShopifyWebhooks.verify(body, headers, channel.webhookSecret()).orElseThrow(WebhookIntake::unsigned);
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : SHOPIFY_HEADERS) {
            ShopifyWebhooks.header(headers, name).ifPresent(value -> kept.put(name, value));
        }
        // Shopify gives one event id to the deliveries of every topic one action caused
        String dedupeKey = delivery.topic() + " " + delivery.deliveryId();
        return stored(inbox.store(merchantId, channelId, dedupeKey, delivery, kept, correlationId));
    }

    public Receipt tiktok(
            String merchantId, String channelId, byte[] body, Map<String, String> headers, String correlationId) {
        ChannelAccess channel = channel(merchantId, channelId, ChannelKind.TIKTOK_SHOP);
        Optional<WebhookDelivery> verified;
        try {
            verified = TikTokWebhooks.verify(body, headers, channel.settings().appKey(), channel.webhookSecret());
        } catch (IllegalArgumentException notTikToksEnvelope) {
            // signed by the channel, so it is kept and shown as failed rather than refused
            WebhookDelivery unreadable = new WebhookDelivery(null, "(unreadable)", null, body);
            DeliveryInbox.Stored stored =
                    inbox.store(merchantId, channelId, "sha256 " + sha256(body), unreadable, Map.of(), correlationId);
            if (!stored.seenBefore()) {
                inbox.finish(
                        stored.deliveryId(),
                        Outcome.failed(DeliveryFailure.willNotPass(notTikToksEnvelope.getMessage()), null),
                        1,
                        null);
            }
            return new Receipt(stored.deliveryId(), stored.seenBefore());
        }
        WebhookDelivery delivery = verified.orElseThrow(WebhookIntake::unsigned);
        return stored(inbox.store(merchantId, channelId, delivery.deliveryId(), delivery, Map.of(), correlationId));
    }

    private Receipt stored(DeliveryInbox.Stored stored) {
        if (!stored.seenBefore()) {
            workers.nudge();
        }
        return new Receipt(stored.deliveryId(), stored.seenBefore());
    }

    /** The channel, when it exists, is enabled and is of the platform the route is for; else 404. */
    private ChannelAccess channel(String merchantId, String channelId, ChannelKind kind) {
        return registry.access(merchantId, channelId)
                .filter(c -> c.settings().enabled() && c.settings().kind() == kind)
                .orElseThrow(() -> ApiException.notFound("No enabled " + kind + " channel " + channelId));
    }

    private static ApiException unsigned() {
        return new ApiException(
                ProblemType.UNAUTHORIZED, "The delivery's signature is missing or does not match the channel's secret");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
