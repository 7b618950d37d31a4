package io.syncline.gateway.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.domain.Persistable;

/** One merchant's use of one {@code Idempotency-Key}: the request it stood for and, once done, its response. */
@Entity
@Table(name = "idempotency_records")
public class IdempotencyRecord implements Persistable<IdempotencyRecord.Key> {

    /** Largest response body kept; a larger one is not remembered (the key is released). */
    static final int MAX_BODY_CHARS = 1_048_576;

    public enum State {
        IN_PROGRESS,
        COMPLETED
    }

    @EmbeddedId
    private Key id;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_location", length = 2048)
    private String responseLocation;

    @Column(name = "response_content_type")
    private String responseContentType;

    @Column(name = "response_body", length = MAX_BODY_CHARS)
    private String responseBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Transient
    private boolean fresh;

    protected IdempotencyRecord() {}

    static IdempotencyRecord started(String merchantId, String key, String requestHash, Instant now) {
        IdempotencyRecord r = new IdempotencyRecord();
        r.id = new Key(merchantId, key);
        r.requestHash = requestHash;
        r.state = State.IN_PROGRESS;
        r.createdAt = now;
        r.fresh = true;
        return r;
    }

    void complete(int status, String location, String contentType, String body, Instant now) {
        state = State.COMPLETED;
        responseStatus = status;
        responseLocation = location;
        responseContentType = contentType;
        responseBody = body;
        completedAt = now;
    }

    @Override
    public Key getId() {
        return id;
    }

    /** Inserted, never merged: a concurrent insert of the same key must fail, not overwrite. */
    @Override
    public boolean isNew() {
        return fresh;
    }

    public String requestHash() {
        return requestHash;
    }

    public State state() {
        return state;
    }

    public Integer responseStatus() {
        return responseStatus;
    }

    public String responseLocation() {
        return responseLocation;
    }

    public String responseContentType() {
        return responseContentType;
    }

    public String responseBody() {
        return responseBody;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Primary key: the merchant and its key. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "merchant_id", nullable = false, length = 64)
        private String merchantId;

        @Column(name = "idempotency_key", nullable = false)
        private String idempotencyKey;

        protected Key() {}

        public Key(String merchantId, String idempotencyKey) {
            this.merchantId = merchantId;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && merchantId.equals(k.merchantId) && idempotencyKey.equals(k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(merchantId, idempotencyKey);
        }
    }
}
