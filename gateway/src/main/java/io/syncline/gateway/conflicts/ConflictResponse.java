package io.syncline.gateway.conflicts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictQueries.ConflictView;
import io.syncline.api.conflicts.ConflictQueries.HistoryEntry;
import io.syncline.api.conflicts.ConflictStatus;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.Severity;
import io.syncline.api.conflicts.Side;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A conflict as the API shows it. {@code ours} and {@code theirs} are a number (stock kinds), a status
 * ({@code STATUS_MISMATCH}) or a list of lines ({@code DUPLICATE_ORDER}). Listings leave out the history.
 */
public record ConflictResponse(
        String conflictId,
        ConflictKind kind,
        ConflictStatus status,
        Severity severity,
        String sku,
        String orderId,
        String channel,
        @Schema(description = "number, status string or list of {sku, quantity}") Object ours,
        @Schema(description = "number, status string or list of {sku, quantity}") Object theirs,
        Instant detectedAt,
        Resolution resolution,
        String resolvedBy,
        Instant resolvedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<History> history) {

    /** One step of the conflict's life: {@code what} happened, {@code by} whom, with its {@code detail}. */
    public record History(Instant at, String what, String by, Map<String, Object> detail) {}

    private static final Set<String> SIDE_FIELDS = Set.of("quantity", "status", "lines");

    static ConflictResponse of(ConflictView v, boolean withHistory) {
        List<History> history = null;
        if (withHistory) {
            history = v.history() == null
                    ? List.of()
                    : v.history().stream().map(ConflictResponse::history).toList();
        }
        return new ConflictResponse(
                v.conflictId(),
                v.kind(),
                v.status(),
                v.severity(),
                v.sku(),
                v.orderId(),
                v.channel(),
                side(v.ours()),
                side(v.theirs()),
                v.detectedAt(),
                v.resolution(),
                v.resolvedBy(),
                v.resolvedAt(),
                history);
    }

    /** The side's one value: its quantity, its status or its lines. */
    static Object side(Side side) {
        if (side == null) {
            return null;
        }
        if (side.quantity() != null) {
            return side.quantity();
        }
        if (side.status() != null) {
            return side.status();
        }
        return side.lines();
    }

    private static History history(HistoryEntry e) {
        Map<String, Object> detail = null;
        if (e.detail() != null) {
            detail = new LinkedHashMap<>(e.detail());
            // a detail's sides read as the conflict's own do
            detail.computeIfPresent("ours", (k, value) -> sideOf(value));
            detail.computeIfPresent("theirs", (k, value) -> sideOf(value));
        }
        return new History(e.at(), e.what(), e.by(), detail);
    }

    private static Object sideOf(Object value) {
        if (value instanceof Side side) {
            return side(side);
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty() && SIDE_FIELDS.containsAll(map.keySet())) {
            for (String field : List.of("quantity", "status", "lines")) {
                if (map.get(field) != null) {
                    return map.get(field);
                }
            }
            return null;
        }
        return value;
    }
}
