package io.syncline.live.events;

import java.time.Instant;

/**
 * One merchant's search of the event log: every criterion but the merchant is optional (null). {@code from}
 * is inclusive, {@code to} exclusive; {@code after} is the position the previous page ended at.
 */
record EventFilter(
        String merchantId, String aggregateId, String type, Instant from, Instant to, Long after, int limit) {}
