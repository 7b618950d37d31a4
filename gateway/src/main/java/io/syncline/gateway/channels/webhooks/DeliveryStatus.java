package io.syncline.gateway.channels.webhooks;

/** Where a stored webhook delivery stands. */
public enum DeliveryStatus {
    /** Stored, not processed yet. */
    RECEIVED,
    /** Processed: its effect is applied. */
    PROCESSED,
    /** Recorded only: a topic or status Syncline does not act on, or an update older than one applied. */
    IGNORED,
    /** Could not be processed; {@code error} says why, and it is tried again while the cause may pass. */
    FAILED
}
