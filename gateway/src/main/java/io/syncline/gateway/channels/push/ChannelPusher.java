package io.syncline.gateway.channels.push;

import io.syncline.gateway.channels.ChannelAccess;
import io.syncline.gateway.channels.ChannelKind;
import io.syncline.gateway.channels.ChannelSettings;
import io.syncline.gateway.channels.shopify.ShopifyApiException;
import io.syncline.gateway.channels.shopify.ShopifyInventory;
import io.syncline.gateway.channels.tiktok.TikTokApi;
import io.syncline.gateway.channels.tiktok.TikTokApiException;
import io.syncline.gateway.channels.tiktok.TikTokInventory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Sends one listing's wanted quantity to its channel in the channel's own API, and reads back what it shows.
 * Shopify's set is compare-and-set: when the shop changed meanwhile, what it shows is read, reported, and
 * the quantity sent again from there.
 */
@Component
class ChannelPusher {

    private final HttpClient http;
    private final Duration timeout;
    private final QuantityReports reports;
    private final Clock clock = Clock.systemUTC();
    // per Shopify channel: no call before the shop's bucket can pay for it again (its last throttleStatus)
    private final Map<String, Instant> shopifyNotBefore = new ConcurrentHashMap<>();

    ChannelPusher(PushProperties properties, QuantityReports reports) {
        this.timeout = properties.requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.reports = reports;
    }

    /** How a push went. */
    sealed interface Result {

        /** The channel shows {@code sent} now. */
        record Acknowledged(int sent) implements Result {}

        /** Not sent now; due again after {@code wait}, no failure counted (e.g. the shop's throttle). */
        record Later(Duration after, String why) implements Result {}

        /** It failed; {@code mayPass} when the same push may go through later (the channel down). */
        record Failed(String why, boolean mayPass) implements Result {}
    }

    Result push(ChannelAccess channel, PushTarget target) {
        try {
            return channel.settings().kind() == ChannelKind.SHOPIFY
                    ? shopify(channel, target)
                    : tiktok(channel, target);
        } catch (ShopifyApiException e) {
            return new Result.Failed(e.getMessage(), e.retryable());
        } catch (TikTokApiException e) {
            return new Result.Failed(e.getMessage(), e.retryable());
        }
    }

    /** What the channel shows for the listing now; empty when its throttle says to wait. */
    Optional<Integer> read(ChannelAccess channel, PushTarget target) {
        ChannelSettings s = channel.settings();
        if (s.kind() == ChannelKind.SHOPIFY) {
            String key = channel.merchantId() + "/" + channel.channelId();
            Instant notBefore = shopifyNotBefore.get(key);
            if (notBefore != null && clock.instant().isBefore(notBefore)) {
                return Optional.empty();
            }
            ShopifyInventory shop = shopify(channel);
            try {
                return shop.read(target.inventoryItemId(), s.locationId());
            } finally {
                spent(key, shop);
            }
        }
        return Optional.of(tiktok(channel).read(target.productId(), target.skuId(), s.warehouseId()));
    }

    private Result shopify(ChannelAccess channel, PushTarget target) {
        String key = channel.merchantId() + "/" + channel.channelId();
        Instant notBefore = shopifyNotBefore.get(key);
        Instant now = clock.instant();
        if (notBefore != null && now.isBefore(notBefore)) {
            return new Result.Later(Duration.between(now, notBefore), "Shopify's throttle");
        }
        ShopifyInventory shop = shopify(channel);
        try {
            return shopifyPush(shop, channel, target);
        } finally {
            spent(key, shop);
        }
    }

    /** Remembers what the shop's bucket said after a call: no call before it can pay for one again. */
    private void spent(String key, ShopifyInventory shop) {
        Duration wait = shop.waitBeforeNext();
        if (wait.isZero()) {
            shopifyNotBefore.remove(key);
        } else {
            shopifyNotBefore.put(key, clock.instant().plus(wait));
        }
    }

    private Result shopifyPush(ShopifyInventory shop, ChannelAccess channel, PushTarget target) {
        String location = channel.settings().locationId();
        Integer changeFrom = target.channelQuantity();
        // the stale path runs at most twice: a shop edited again in between is simply pushed again later
        for (int round = 0; round < 2; round++) {
            if (!shop.waitBeforeNext().isZero()) {
                return new Result.Later(shop.waitBeforeNext(), "Shopify's throttle");
            }
            String key = idempotencyKey(target, changeFrom);
            ShopifyInventory.Result result = shop.set(
                    target.inventoryItemId(),
                    location,
                    target.wantedQuantity(),
                    changeFrom,
                    key,
                    "gid://syncline/StockPush/" + key);
            if (result instanceof ShopifyInventory.Result.Done) {
                return new Result.Acknowledged(target.wantedQuantity());
            }
            if (result instanceof ShopifyInventory.Result.Throttled throttled) {
                return new Result.Later(throttled.retryAfter(), "Shopify's throttle");
            }
            if (!shop.waitBeforeNext().isZero()) {
                return new Result.Later(shop.waitBeforeNext(), "Shopify's throttle");
            }
            Optional<Integer> shown = shop.read(target.inventoryItemId(), location);
            if (shown.isEmpty()) {
                return new Result.Later(Duration.ofSeconds(1), "Shopify's throttle");
            }
            reports.report(
                    target.merchantId(),
                    target.channelId(),
                    target.inventoryItemId(),
                    location,
                    shown.get(),
                    clock.instant(),
                    null,
                    ReportSource.PUSH);
            changeFrom = shown.get();
        }
        return new Result.Later(Duration.ZERO, "the shop changed while it was pushed");
    }

    private Result tiktok(ChannelAccess channel, PushTarget target) {
        tiktok(channel)
                .set(target.productId(), target.skuId(), channel.settings().warehouseId(), target.wantedQuantity());
        return new Result.Acknowledged(Math.min(TikTokInventory.MAX_QUANTITY, target.wantedQuantity()));
    }

    private ShopifyInventory shopify(ChannelAccess channel) {
        ChannelSettings s = channel.settings();
        return new ShopifyInventory(http, s.apiBaseUrl(), s.apiVersion(), channel.accessToken(), timeout);
    }

    private TikTokInventory tiktok(ChannelAccess channel) {
        ChannelSettings s = channel.settings();
        return new TikTokInventory(new TikTokApi(
                http,
                URI.create(s.apiBaseUrl()),
                s.appKey(),
                channel.webhookSecret(),
                channel.accessToken(),
                s.shopCipher(),
                clock,
                timeout));
    }

    /** One key per intended change: a repeat of the same push after a lost answer has no second effect. */
    static String idempotencyKey(PushTarget target, Integer changeFrom) {
        String intent =
                target.describe() + "|" + changeFrom + "->" + target.wantedQuantity() + "@" + target.wantedChangedAt();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(intent.getBytes(StandardCharsets.UTF_8));
            return UUID.nameUUIDFromBytes(hash).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
