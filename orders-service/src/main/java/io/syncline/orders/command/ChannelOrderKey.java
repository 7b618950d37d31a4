package io.syncline.orders.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * Command-side lookup row: which order a merchant's channel order became. The database keeps
 * {@code (merchant_id, channel, channel_order_id)} unique, which is what stops two racing
 * placements of the same channel order.
 */
@Entity
@Table(name = "channel_order_keys")
public class ChannelOrderKey implements Persistable<String> {

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "merchant_id", nullable = false)
    private String merchantId;

    @Column(name = "channel", nullable = false)
    private String channel;

    @Column(name = "channel_order_id", nullable = false)
    private String channelOrderId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Always inserted, never merged: a clash must surface as a constraint violation. */
    @Transient
    private boolean fresh = true;

    protected ChannelOrderKey() {}

    public ChannelOrderKey(
            String orderId, String merchantId, String channel, String channelOrderId, Instant createdAt) {
        this.orderId = orderId;
        this.merchantId = merchantId;
        this.channel = channel;
        this.channelOrderId = channelOrderId;
        this.createdAt = createdAt;
    }

    @Override
    public String getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    public String orderId() {
        return orderId;
    }

    public String merchantId() {
        return merchantId;
    }

    public String channel() {
        return channel;
    }

    public String channelOrderId() {
        return channelOrderId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
