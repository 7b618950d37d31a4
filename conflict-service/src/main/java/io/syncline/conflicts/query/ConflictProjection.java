package io.syncline.conflicts.query;

import io.syncline.api.conflicts.ConflictEvents.ConflictDetected;
import io.syncline.api.conflicts.ConflictEvents.ConflictEscalated;
import io.syncline.api.conflicts.ConflictEvents.ConflictReportedAgain;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionFailed;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionStarted;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictEvents.ConflictRuleFailed;
import io.syncline.api.conflicts.ConflictQueries.ConflictView;
import io.syncline.api.conflicts.ConflictQueries.FindConflict;
import io.syncline.api.conflicts.ConflictStatus;
import io.syncline.api.conflicts.Severity;
import io.syncline.api.conflicts.Side;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Projects the conflict events into {@code conflicts} and {@code conflict_history}. An event already projected (its
 * sequence number is not newer) is skipped; every change is pushed to the {@link FindConflict} subscribers.
 */
@Component
@ProcessingGroup(ConflictProjection.PROCESSING_GROUP)
class ConflictProjection {

    static final String PROCESSING_GROUP = "conflict-views";
    static final String SYSTEM = "system";

    private final ConflictViews views;
    private final QueryUpdateEmitter updates;

    ConflictProjection(ConflictViews views, QueryUpdateEmitter updates) {
        this.views = views;
        this.updates = updates;
    }

    @EventHandler
    void on(ConflictDetected e, @SequenceNumber long seq) {
        if (views.lastSequence(e.conflictId()).isPresent()) {
            return;
        }
        views.insert(
                new ConflictView(
                        e.conflictId(),
                        e.merchantId(),
                        e.kind(),
                        ConflictStatus.OPEN,
                        Severity.NORMAL,
                        e.sku(),
                        e.orderId(),
                        e.channel(),
                        e.ours(),
                        e.theirs(),
                        e.detectedAt(),
                        null,
                        null,
                        null,
                        List.of()),
                Side.difference(e.ours(), e.theirs()),
                seq);
        views.history(
                e.conflictId(), seq, e.detectedAt(), "DETECTED", SYSTEM, sides(e.ours(), e.theirs(), e.evidence()));
        emit(e.conflictId());
    }

    @EventHandler
    void on(ConflictReportedAgain e, @SequenceNumber long seq) {
        if (!fresh(e.conflictId(), seq)) {
            return;
        }
        views.sides(e.conflictId(), e.ours(), e.theirs(), seq);
        views.history(
                e.conflictId(),
                seq,
                e.reportedAt(),
                "REPORTED_AGAIN",
                SYSTEM,
                sides(e.ours(), e.theirs(), e.evidence()));
        emit(e.conflictId());
    }

    @EventHandler
    void on(ConflictRuleFailed e, @SequenceNumber long seq) {
        if (!fresh(e.conflictId(), seq)) {
            return;
        }
        views.touched(e.conflictId(), seq);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rule", e.rule());
        detail.put("reason", e.reason());
        views.history(e.conflictId(), seq, e.at(), "RULE_FAILED", SYSTEM, detail);
        emit(e.conflictId());
    }

    @EventHandler
    void on(ConflictResolutionStarted e, @SequenceNumber long seq) {
        // the decision shows once it took effect (RESOLVED) or did not (RESOLUTION_FAILED, RULE_FAILED)
        if (fresh(e.conflictId(), seq)) {
            views.touched(e.conflictId(), seq);
        }
    }

    @EventHandler
    void on(ConflictResolutionFailed e, @SequenceNumber long seq) {
        if (!fresh(e.conflictId(), seq)) {
            return;
        }
        views.touched(e.conflictId(), seq);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("resolutionId", e.resolutionId());
        detail.put("resolution", e.resolution());
        detail.put("code", e.code());
        detail.put("reason", e.reason());
        views.history(e.conflictId(), seq, e.at(), "RESOLUTION_FAILED", e.by() == null ? SYSTEM : e.by(), detail);
        emit(e.conflictId());
    }

    @EventHandler
    void on(ConflictEscalated e, @SequenceNumber long seq) {
        if (!fresh(e.conflictId(), seq)) {
            return;
        }
        views.severity(e.conflictId(), Severity.HIGH, seq);
        views.history(e.conflictId(), seq, e.escalatedAt(), "ESCALATED", SYSTEM, Map.of("severity", Severity.HIGH));
        emit(e.conflictId());
    }

    @EventHandler
    void on(ConflictResolved e, @SequenceNumber long seq) {
        if (!fresh(e.conflictId(), seq)) {
            return;
        }
        // a rule only ever resolves right at detection: that is what happened then, for the what-if
        String byRule = e.resolvedBy() != null && e.resolvedBy().startsWith("rule:") && e.resolution() != null
                ? e.resolution().name()
                : null;
        views.resolved(e.conflictId(), e.resolution(), e.resolvedBy(), e.resolvedAt(), byRule, seq);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("resolution", e.resolution());
        detail.put("value", e.value());
        detail.put("note", e.note());
        detail.put("rule", e.rule());
        detail.put("effect", e.effect());
        detail.put("onHandBefore", e.onHandBefore());
        detail.put("onHandAfter", e.onHandAfter());
        views.history(
                e.conflictId(),
                seq,
                e.resolvedAt(),
                "RESOLVED",
                e.resolvedBy() == null ? SYSTEM : e.resolvedBy(),
                detail);
        emit(e.conflictId());
    }

    @ResetHandler
    void reset() {
        views.clear();
    }

    private boolean fresh(String conflictId, long seq) {
        // events of one conflict arrive in order, so only a redelivery is not newer
        return views.lastSequence(conflictId).map(last -> last < seq).orElse(false);
    }

    private static Map<String, Object> sides(Side ours, Side theirs, Object evidence) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("ours", value(ours));
        detail.put("theirs", value(theirs));
        detail.put("evidence", evidence);
        return detail;
    }

    /** A side as the API renders it: a number, a status or the lines. */
    private static Object value(Side side) {
        if (side == null) {
            return null;
        }
        return side.quantity() != null ? side.quantity() : side.status() != null ? side.status() : side.lines();
    }

    private void emit(String conflictId) {
        views.find(conflictId)
                .ifPresent(view -> updates.emit(
                        FindConflict.class,
                        query -> view.conflictId().equals(query.conflictId())
                                && view.merchantId().equals(query.merchantId()),
                        view));
    }
}
