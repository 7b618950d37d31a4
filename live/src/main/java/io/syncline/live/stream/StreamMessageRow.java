package io.syncline.live.stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored stream message; the database assigns ids in the order the projection writes them. */
@Entity
@Table(name = "stream_messages")
public class StreamMessageRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "merchant_id", nullable = false)
    private String merchantId;

    @Column(nullable = false)
    private String topic;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String data;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StreamMessageRow() {}

    StreamMessageRow(String merchantId, StreamTopic topic, String type, String data, Instant createdAt) {
        this.merchantId = merchantId;
        this.topic = topic.wireName();
        this.type = type;
        this.data = data;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String merchantId() {
        return merchantId;
    }

    String topic() {
        return topic;
    }

    Instant createdAt() {
        return createdAt;
    }

    String type() {
        return type;
    }

    String data() {
        return data;
    }

    StreamMessage toMessage() {
        return new StreamMessage(id, merchantId, StreamTopic.of(topic), type, data, createdAt);
    }
}
