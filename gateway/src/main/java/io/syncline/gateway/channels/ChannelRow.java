package io.syncline.gateway.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One channel of a merchant as stored; its secret and token only as {@link SecretBox} ciphertexts. */
@Entity
@Table(name = "channels")
public class ChannelRow {

    @EmbeddedId
    private Key id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private ChannelKind kind;

    @Column(name = "name")
    private String name;

    @Column(name = "api_base_url", nullable = false, length = 2048)
    private String apiBaseUrl;

    @Lob
    @Column(name = "webhook_secret", nullable = false)
    private byte[] webhookSecret;

    @Lob
    @Column(name = "access_token", nullable = false)
    private byte[] accessToken;

    @Column(name = "app_key")
    private String appKey;

    @Column(name = "shop_cipher")
    private String shopCipher;

    @Column(name = "location_id")
    private String locationId;

    @Column(name = "warehouse_id")
    private String warehouseId;

    @Column(name = "api_version", length = 32)
    private String apiVersion;

    @Column(name = "buffer_stock", nullable = false)
    private int bufferStock;

    @Enumerated(EnumType.STRING)
    @Column(name = "buffer_mode", nullable = false, length = 8)
    private BufferMode bufferMode;

    @Column(name = "buffer_max")
    private Integer bufferMax;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ChannelRow() {}

    ChannelRow(String merchantId, String channelId, Instant now) {
        this.id = new Key(merchantId, channelId);
        this.createdAt = now;
    }

    /** Takes every setting; a null secret or token keeps the stored one. */
    void apply(ChannelSettings settings, byte[] sealedSecret, byte[] sealedToken, Instant now) {
        kind = settings.kind();
        name = settings.name();
        apiBaseUrl = settings.apiBaseUrl();
        if (sealedSecret != null) {
            webhookSecret = sealedSecret;
        }
        if (sealedToken != null) {
            accessToken = sealedToken;
        }
        appKey = settings.appKey();
        shopCipher = settings.shopCipher();
        locationId = settings.locationId();
        warehouseId = settings.warehouseId();
        apiVersion = settings.apiVersion();
        bufferStock = settings.bufferStock();
        bufferMode = settings.bufferMode();
        bufferMax = settings.bufferMax();
        enabled = settings.enabled();
        updatedAt = now;
    }

    /** The settings as they stand, without the secret and the token. */
    ChannelSettings settings() {
        return new ChannelSettings(
                kind,
                name,
                apiBaseUrl,
                appKey,
                shopCipher,
                locationId,
                warehouseId,
                apiVersion,
                bufferStock,
                bufferMode,
                bufferMax,
                enabled);
    }

    String channelId() {
        return id.channelId;
    }

    byte[] sealedWebhookSecret() {
        return webhookSecret;
    }

    byte[] sealedAccessToken() {
        return accessToken;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Channels are the merchant's: its id and the channel's. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "merchant_id", nullable = false, length = 64)
        private String merchantId;

        @Column(name = "channel_id", nullable = false, length = 40)
        private String channelId;

        protected Key() {}

        public Key(String merchantId, String channelId) {
            this.merchantId = merchantId;
            this.channelId = channelId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && merchantId.equals(k.merchantId) && channelId.equals(k.channelId);
        }

        @Override
        public int hashCode() {
            return merchantId.hashCode() * 31 + channelId.hashCode();
        }
    }
}
