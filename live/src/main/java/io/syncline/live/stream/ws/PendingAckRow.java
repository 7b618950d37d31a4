package io.syncline.live.stream.ws;

import io.syncline.live.stream.StreamMessage;
import io.syncline.live.stream.StreamTopic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A critical message waiting for one user's acknowledgement, with what it takes to send it again. */
@Entity
@Table(name = "stream_pending_acks")
public class PendingAckRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "pending_id")
    private Long pendingId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "merchant_id", nullable = false)
    private String merchantId;

    @Column(name = "message_id", nullable = false)
    private long messageId;

    @Column(nullable = false)
    private String topic;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String data;

    @Column(name = "first_sent", nullable = false)
    private Instant firstSent;

    @Column(name = "last_sent", nullable = false)
    private Instant lastSent;

    protected PendingAckRow() {}

    Long pendingId() {
        return pendingId;
    }

    String userId() {
        return userId;
    }

    String merchantId() {
        return merchantId;
    }

    /** The message as it was sent, to send again. */
    StreamMessage toMessage() {
        return new StreamMessage(messageId, merchantId, StreamTopic.of(topic), type, data, null);
    }
}
