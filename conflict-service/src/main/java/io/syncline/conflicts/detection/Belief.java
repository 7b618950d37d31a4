package io.syncline.conflicts.detection;

import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import java.time.Instant;

/**
 * What we knew a channel to show before one of its reports: {@code quantity}, shown certainly since {@code at} and
 * possibly since {@code from} (the send of our push that set it, or the time of the report that told it).
 */
record Belief(int quantity, Instant from, Instant at) {

    /** The report's, or null when it carries none (we knew nothing, or it was stored before it was recorded). */
    static Belief of(ChannelQuantityReported report) {
        return of(report.believed(), report.believedFrom(), report.believedAt());
    }

    static Belief of(Integer quantity, Instant from, Instant at) {
        if (quantity == null || at == null) {
            return null;
        }
        return new Belief(quantity, from != null && from.isBefore(at) ? from : at, at);
    }
}
