package io.syncline.gateway.channels;

import io.syncline.gateway.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The merchants' channels and listings; secrets go in sealed and never come out through here. */
@Service
public class ChannelRegistry {

    /** Shopify's Admin API version when the channel names none. */
    public static final String DEFAULT_SHOPIFY_API_VERSION = "2026-10";

    private final ChannelRepository channels;
    private final ListingRepository listings;
    private final SecretBox secrets;
    private final ApplicationEventPublisher changes;
    private final Clock clock;

    @Autowired
    public ChannelRegistry(
            ChannelRepository channels,
            ListingRepository listings,
            SecretBox secrets,
            ApplicationEventPublisher changes) {
        this(channels, listings, secrets, changes, Clock.systemUTC());
    }

    ChannelRegistry(
            ChannelRepository channels,
            ListingRepository listings,
            SecretBox secrets,
            ApplicationEventPublisher changes,
            Clock clock) {
        this.channels = channels;
        this.listings = listings;
        this.secrets = secrets;
        this.changes = changes;
        this.clock = clock;
    }

    /** Whether the PUT defined the channel, and the channel as it is now. */
    public record Saved<T>(boolean created, T view) {}

    @Transactional
    public Saved<ChannelView> put(String merchantId, String channelId, ChannelRequests.Channel request) {
        Optional<ChannelRow> existing = channels.findById(new ChannelRow.Key(merchantId, channelId));
        boolean created = existing.isEmpty();
        if (created && request.webhookSecret() == null) {
            throw ApiException.invalid("webhookSecret", "is required for a new channel");
        }
        if (created && request.accessToken() == null) {
            throw ApiException.invalid("accessToken", "is required for a new channel");
        }
        ChannelSettings previous = existing.map(ChannelRow::settings).orElse(null);
        ChannelSettings settings = settings(request, previous);
        ChannelRow row = existing.orElseGet(() -> new ChannelRow(merchantId, channelId, clock.instant()));
        row.apply(
                settings,
                request.webhookSecret() == null
                        ? null
                        : secrets.seal(request.webhookSecret(), context(merchantId, channelId, "webhookSecret")),
                request.accessToken() == null
                        ? null
                        : secrets.seal(request.accessToken(), context(merchantId, channelId, "accessToken")),
                clock.instant());
        ChannelView view = view(merchantId, channels.save(row));
        changes.publishEvent(new ChannelChange(merchantId, channelId, null));
        return new Saved<>(created, view);
    }

    @Transactional(readOnly = true)
    public Optional<ChannelView> find(String merchantId, String channelId) {
        return channels.findById(new ChannelRow.Key(merchantId, channelId)).map(row -> view(merchantId, row));
    }

    /** The channel with its secret and token opened, for its webhooks and API calls; never for a view. */
    @Transactional(readOnly = true)
    public Optional<ChannelAccess> access(String merchantId, String channelId) {
        return channels.findById(new ChannelRow.Key(merchantId, channelId))
                .map(row -> new ChannelAccess(
                        merchantId,
                        channelId,
                        row.settings(),
                        secrets.open(row.sealedWebhookSecret(), context(merchantId, channelId, "webhookSecret")),
                        secrets.open(row.sealedAccessToken(), context(merchantId, channelId, "accessToken"))));
    }

    @Transactional(readOnly = true)
    public List<ChannelView> list(String merchantId) {
        return channels.findByIdMerchantIdOrderByIdChannelId(merchantId).stream()
                .map(row -> view(merchantId, row))
                .toList();
    }

    @Transactional
    public Saved<ListingView> putListing(
            String merchantId, String channelId, String sku, ChannelRequests.Listing request) {
        ChannelRow channel = channels.findById(new ChannelRow.Key(merchantId, channelId))
                .orElseThrow(() -> ApiException.notFound("No channel " + channelId));
        ChannelKind kind = channel.settings().kind();
        if (kind == ChannelKind.SHOPIFY) {
            require(request.inventoryItemId(), "inventoryItemId", "is required for a Shopify listing");
            forbid(request.productId(), "productId", "is TikTok Shop's; a Shopify listing has an inventoryItemId");
            forbid(request.skuId(), "skuId", "is TikTok Shop's; a Shopify listing has an inventoryItemId");
        } else {
            require(request.productId(), "productId", "is required for a TikTok Shop listing");
            require(request.skuId(), "skuId", "is required for a TikTok Shop listing");
            forbid(
                    request.inventoryItemId(),
                    "inventoryItemId",
                    "is Shopify's; a TikTok Shop listing has productId and skuId");
        }
        ListingRow.Key key = new ListingRow.Key(merchantId, channelId, sku);
        Optional<ListingRow> existing = listings.findById(key);
        ListingRow row = existing.orElseGet(() -> new ListingRow(merchantId, channelId, sku));
        row.link(request.inventoryItemId(), request.productId(), request.skuId(), clock.instant());
        ListingView view = listings.save(row).view(channel.settings());
        changes.publishEvent(new ChannelChange(merchantId, channelId, sku));
        return new Saved<>(existing.isEmpty(), view);
    }

    @Transactional(readOnly = true)
    public List<ListingView> listings(String merchantId, String channelId) {
        ChannelSettings settings = channels.findById(new ChannelRow.Key(merchantId, channelId))
                .orElseThrow(() -> ApiException.notFound("No channel " + channelId))
                .settings();
        return listings.findByIdMerchantIdAndIdChannelIdOrderByIdSku(merchantId, channelId).stream()
                .map(row -> row.view(settings))
                .toList();
    }

    private static ChannelSettings settings(ChannelRequests.Channel r, ChannelSettings previous) {
        if (r.kind() == ChannelKind.TIKTOK_SHOP) {
            require(r.appKey(), "appKey", "is required for a TikTok Shop channel");
            require(r.shopCipher(), "shopCipher", "is required for a TikTok Shop channel");
            forbid(r.locationId(), "locationId", "is Shopify's; TikTok Shop uses warehouseId");
            forbid(r.apiVersion(), "apiVersion", "is Shopify's; TikTok Shop's API versions are in its paths");
        } else {
            require(r.locationId(), "locationId", "is required for a Shopify channel");
            forbid(r.appKey(), "appKey", "is TikTok Shop's");
            forbid(r.shopCipher(), "shopCipher", "is TikTok Shop's");
            forbid(r.warehouseId(), "warehouseId", "is TikTok Shop's; Shopify uses locationId");
        }
        if (previous != null && previous.kind() != r.kind()) {
            throw ApiException.invalid("kind", "cannot change from " + previous.kind() + "; use another channel id");
        }
        BufferMode mode = r.bufferMode() == null ? BufferMode.FIXED : r.bufferMode();
        // in AUTO the buffer is computed, so a given bufferStock is not taken
        int buffer = mode == BufferMode.AUTO
                ? (previous == null ? 0 : previous.bufferStock())
                : (r.bufferStock() == null ? 0 : r.bufferStock());
        String version = r.kind() == ChannelKind.SHOPIFY && r.apiVersion() == null
                ? DEFAULT_SHOPIFY_API_VERSION
                : r.apiVersion();
        return new ChannelSettings(
                r.kind(),
                r.name(),
                r.apiBaseUrl(),
                r.appKey(),
                r.shopCipher(),
                r.locationId(),
                r.warehouseId(),
                version,
                buffer,
                mode,
                r.bufferMax(),
                r.enabled() == null || r.enabled());
    }

    private ChannelView view(String merchantId, ChannelRow row) {
        ChannelSettings s = row.settings();
        return new ChannelView(
                row.channelId(),
                s.kind(),
                s.name(),
                s.apiBaseUrl(),
                s.appKey(),
                s.shopCipher(),
                s.locationId(),
                s.warehouseId(),
                s.apiVersion(),
                s.bufferStock(),
                s.bufferMode(),
                s.bufferMax(),
                s.enabled(),
                row.sealedWebhookSecret() != null,
                row.sealedAccessToken() != null,
                listings.countByIdMerchantIdAndIdChannelId(merchantId, row.channelId()),
                row.createdAt(),
                row.updatedAt());
    }

    /** Binds a sealed value to its merchant, channel and field. */
    private static String context(String merchantId, String channelId, String field) {
        return merchantId + "/" + channelId + "/" + field;
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, message);
        }
    }

    private static void forbid(String value, String field, String message) {
        if (value != null) {
            throw ApiException.invalid(field, message);
        }
    }
}
