package io.syncline.live.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event as the event browser shows it; the database assigns positions in the order the projection writes. */
@Entity
@Table(name = "event_log")
public class EventLogRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long position;

    @Column(name = "merchant_id", nullable = false)
    private String merchantId;

    @Column(name = "aggregate_id")
    private String aggregateId;

    @Column(name = "aggregate_type")
    private String aggregateType;

    @Column(name = "sequence_number")
    private Long sequenceNumber;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "event_timestamp", nullable = false)
    private Instant timestamp;

    @Column(nullable = false)
    private String payload;

    @Column(nullable = false)
    private String metadata;

    protected EventLogRow() {}

    EventLogRow(
            String merchantId,
            String aggregateId,
            String aggregateType,
            Long sequenceNumber,
            String eventType,
            Instant timestamp,
            String payload,
            String metadata) {
        this.merchantId = merchantId;
        this.aggregateId = aggregateId;
        this.aggregateType = aggregateType;
        this.sequenceNumber = sequenceNumber;
        this.eventType = eventType;
        this.timestamp = timestamp;
        this.payload = payload;
        this.metadata = metadata;
    }

    Long position() {
        return position;
    }

    String merchantId() {
        return merchantId;
    }

    String aggregateId() {
        return aggregateId;
    }

    String aggregateType() {
        return aggregateType;
    }

    Long sequenceNumber() {
        return sequenceNumber;
    }

    String eventType() {
        return eventType;
    }

    Instant timestamp() {
        return timestamp;
    }

    String payload() {
        return payload;
    }

    String metadata() {
        return metadata;
    }
}
