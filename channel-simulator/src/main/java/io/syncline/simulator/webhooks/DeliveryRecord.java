package io.syncline.simulator.webhooks;

import java.time.Instant;

/** How one copy of a delivery went: attempts, the last answer, the outcome. Thread-safe. */
public final class DeliveryRecord {

    /** Where a copy stands. */
    public enum Status {
        /** Held back to be sent out of order. */
        HELD,
        /** Sent or waiting for a retry. */
        PENDING,
        DELIVERED,
        /** Every attempt failed. */
        FAILED,
        /** The shop has no webhook URL. */
        NO_URL
    }

    /** A copy at one moment. */
    public record View(
            String deliveryId,
            String topic,
            int copy,
            Status status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant lastAttemptAt,
            Instant deliveredAt) {}

    private final String deliveryId;
    private final String topic;
    private final int copy;
    private final Instant createdAt;
    private Status status;
    private int attempts;
    private Integer lastStatus;
    private String lastError;
    private Instant lastAttemptAt;
    private Instant deliveredAt;

    DeliveryRecord(Delivery delivery, int copy, Status status) {
        this.deliveryId = delivery.deliveryId();
        this.topic = delivery.topic();
        this.copy = copy;
        this.createdAt = delivery.createdAt();
        this.status = status;
    }

    synchronized int attempting(Instant at) {
        status = Status.PENDING;
        lastAttemptAt = at;
        return ++attempts;
    }

    synchronized void answered(int httpStatus, Instant at) {
        lastStatus = httpStatus;
        if (httpStatus / 100 == 2) {
            status = Status.DELIVERED;
            deliveredAt = at;
            lastError = null;
        } else {
            lastError = "HTTP " + httpStatus;
        }
    }

    synchronized void failed(String error) {
        lastStatus = null;
        lastError = error;
    }

    synchronized void gaveUp() {
        status = Status.FAILED;
    }

    synchronized void noUrl() {
        status = Status.NO_URL;
    }

    public synchronized View view() {
        return new View(
                deliveryId,
                topic,
                copy,
                status,
                attempts,
                lastStatus,
                lastError,
                createdAt,
                lastAttemptAt,
                deliveredAt);
    }
}
