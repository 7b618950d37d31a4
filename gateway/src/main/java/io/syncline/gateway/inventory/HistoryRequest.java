package io.syncline.gateway.inventory;

import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.Instants;
import java.time.Instant;

/**
 * What {@code GET /api/inventory/{sku}/history} asks: the levels {@code at} a moment, or the changes from
 * {@code from} to {@code to} (now when left out). Each mistake is a 400 naming its parameter.
 */
record HistoryRequest(Instant at, Instant from, Instant to) {

    static HistoryRequest of(String at, String from, String to, Instant now) {
        if (at != null && (from != null || to != null)) {
            throw ApiException.invalid("at", "is asked on its own, without from and to");
        }
        if (at != null) {
            return new HistoryRequest(Instants.parse("at", at), null, null);
        }
        if (from == null) {
            throw ApiException.invalid(
                    to == null ? "at" : "from", "give at (the levels then) or from and to (the changes between)");
        }
        Instant start = Instants.parse("from", from);
        Instant end = to == null ? now : Instants.parse("to", to);
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "must not be after to (" + end + ")");
        }
        return new HistoryRequest(null, start, end);
    }

    boolean atMoment() {
        return at != null;
    }
}
