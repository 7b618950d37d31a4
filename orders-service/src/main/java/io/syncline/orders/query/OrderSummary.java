package io.syncline.orders.query;

import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.springframework.data.domain.Persistable;

/** Read-model row of one order; rebuilt from the order events by {@link OrderProjection}. */
@Entity
@Table(name = "order_views")
public class OrderSummary implements Persistable<String> {

    @Id
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "merchant_id", nullable = false)
    private String merchantId;

    @Column(name = "channel", nullable = false)
    private String channel;

    @Column(name = "channel_order_id", nullable = false)
    private String channelOrderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private OrderStatus status;

    @Column(name = "reason")
    private String reason;

    /** Loaded with the row (views are answered outside any transaction), a page's lines in one batch. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_view_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    @BatchSize(size = 100)
    private List<OrderSummaryLine> lines = new ArrayList<>();

    /** Set while the fulfilment keeps failing; {@code stallReason} says what fails. */
    @Column(name = "stalled", nullable = false)
    private boolean stalled;

    @Column(name = "stall_reason")
    private String stallReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Sequence number of the last order event applied; older ones are skipped on redelivery. */
    @Column(name = "version", nullable = false)
    private long version;

    /** A new row is inserted straight away, without first looking for one to merge with. */
    @Transient
    private boolean fresh = true;

    protected OrderSummary() {}

    OrderSummary(
            String orderId,
            String merchantId,
            String channel,
            String channelOrderId,
            List<OrderLine> lines,
            Instant createdAt,
            long version) {
        this.orderId = orderId;
        this.merchantId = merchantId;
        this.channel = channel;
        this.channelOrderId = channelOrderId;
        this.status = OrderStatus.PENDING;
        lines.forEach(line -> this.lines.add(new OrderSummaryLine(line)));
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.version = version;
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

    /** Whether the event with this sequence number is already reflected. */
    boolean hasSeen(long sequenceNumber) {
        return sequenceNumber <= version;
    }

    void changeStatus(OrderStatus newStatus, String newReason, long sequenceNumber, Instant at) {
        this.status = newStatus;
        if (newReason != null) {
            this.reason = newReason;
        }
        this.version = sequenceNumber;
        this.updatedAt = at;
    }

    void changeStall(boolean nowStalled, String reason, long sequenceNumber, Instant at) {
        this.stalled = nowStalled;
        this.stallReason = nowStalled ? reason : null;
        this.version = sequenceNumber;
        this.updatedAt = at;
    }

    OrderView toView() {
        return new OrderView(
                orderId,
                merchantId,
                channel,
                channelOrderId,
                status,
                lines.stream().map(OrderSummaryLine::toLine).toList(),
                reason,
                createdAt,
                updatedAt,
                stalled,
                stallReason);
    }
}
