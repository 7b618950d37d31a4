package io.syncline.gateway.http;

import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictCommands.ResolveConflict;
import io.syncline.api.conflicts.ConflictCommands.SetConflictRules;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictQueries.ConflictPage;
import io.syncline.api.conflicts.ConflictQueries.ConflictRules;
import io.syncline.api.conflicts.ConflictQueries.ConflictSummary;
import io.syncline.api.conflicts.ConflictQueries.ConflictView;
import io.syncline.api.conflicts.ConflictQueries.FindConflict;
import io.syncline.api.conflicts.ConflictQueries.FindConflictRules;
import io.syncline.api.conflicts.ConflictQueries.HistoryEntry;
import io.syncline.api.conflicts.ConflictQueries.KindCounts;
import io.syncline.api.conflicts.ConflictQueries.ListConflicts;
import io.syncline.api.conflicts.ConflictQueries.SummarizeConflicts;
import io.syncline.api.conflicts.ConflictQueries.WhatIf;
import io.syncline.api.conflicts.ConflictQueries.WhatIfRules;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.ConflictStatus;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.RuleAction;
import io.syncline.api.conflicts.Severity;
import io.syncline.api.conflicts.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Stands in for the conflict service: a resolution is decided at once, the read model shows it a little later
 * (like its tracking projection) and emits the FindConflict update a waiting resolution listens for.
 */
public class FakeConflicts {

    static final long PROJECTION_LAG_MS = 40;

    private final QueryUpdateEmitter emitter;
    private final ScheduledExecutorService projection = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, ConflictView> state = new ConcurrentHashMap<>();
    private final Map<String, ConflictView> views = new ConcurrentHashMap<>();
    private final Map<String, List<ConflictRule>> rules = new ConcurrentHashMap<>();
    final List<ResolveConflict> resolutions = new CopyOnWriteArrayList<>();

    public FakeConflicts(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    /** An open stock mismatch of the merchant, as detection would leave it. */
    String stockMismatch(String merchantId, String channel, String sku, int ours, int theirs) {
        return detect(
                merchantId,
                ConflictKind.STOCK_MISMATCH,
                channel,
                sku,
                null,
                Side.quantity(ours),
                Side.quantity(theirs));
    }

    /** An open status mismatch of the merchant's order. */
    String statusMismatch(String merchantId, String channel, String orderId, String ours, String theirs) {
        return detect(
                merchantId,
                ConflictKind.STATUS_MISMATCH,
                channel,
                null,
                orderId,
                Side.status(ours),
                Side.status(theirs));
    }

    private String detect(
            String merchantId, ConflictKind kind, String channel, String sku, String orderId, Side ours, Side theirs) {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.now();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("ours", ours);
        detail.put("theirs", theirs);
        detail.put("evidence", Map.of("source", "webhook", "deliveryId", "d-1", "note", "the channel reported"));
        ConflictView view = new ConflictView(
                id,
                merchantId,
                kind,
                ConflictStatus.OPEN,
                Severity.NORMAL,
                sku,
                orderId,
                channel,
                ours,
                theirs,
                at,
                null,
                null,
                null,
                List.of(new HistoryEntry(at, "DETECTED", "system", detail)));
        state.put(id, view);
        views.put(id, view);
        return id;
    }

    @CommandHandler
    public synchronized void handle(ResolveConflict command) {
        ConflictView current = state.get(command.conflictId());
        if (current == null || !current.merchantId().equals(command.merchantId())) {
            throw Refusals.notFound("No conflict " + command.conflictId());
        }
        if (current.status() != ConflictStatus.OPEN) {
            throw Refusals.conflict("The conflict is resolved already");
        }
        resolutions.add(command);
        Instant at = Instant.now();
        List<HistoryEntry> history = new ArrayList<>(current.history());
        Map<String, Object> detail = new LinkedHashMap<>();
        ConflictView resolved;
        if (command.resolution() == Resolution.ACCEPT_THEIRS && "refuse-me".equals(command.note())) {
            // accepted, then its effect refused, as inventory refuses an adjustment below what is reserved
            detail.put("resolutionId", command.resolutionId());
            detail.put("resolution", command.resolution().name());
            detail.put("code", "CONFLICT");
            detail.put("reason", "On-hand would fall below the 4 reserved units");
            history.add(new HistoryEntry(at, "RESOLUTION_FAILED", command.user(), detail));
            resolved = withHistory(current, history);
        } else {
            detail.put("resolution", command.resolution().name());
            detail.put("value", command.value());
            detail.put("note", command.note());
            history.add(new HistoryEntry(at, "RESOLVED", command.user(), detail));
            resolved = copy(current, ConflictStatus.RESOLVED, command.resolution(), command.user(), at, history);
        }
        state.put(resolved.conflictId(), resolved);
        projection.schedule(
                () -> {
                    views.put(resolved.conflictId(), resolved);
                    emitter.emit(
                            FindConflict.class,
                            q -> q.conflictId().equals(resolved.conflictId())
                                    && q.merchantId().equals(resolved.merchantId()),
                            resolved);
                },
                PROJECTION_LAG_MS,
                TimeUnit.MILLISECONDS);
    }

    private static ConflictView withHistory(ConflictView v, List<HistoryEntry> history) {
        return copy(v, v.status(), v.resolution(), v.resolvedBy(), v.resolvedAt(), history);
    }

    /** The view with another status, resolution and history; the rest as it is. */
    private static ConflictView copy(
            ConflictView v,
            ConflictStatus status,
            Resolution resolution,
            String resolvedBy,
            Instant resolvedAt,
            List<HistoryEntry> history) {
        return new ConflictView(
                v.conflictId(),
                v.merchantId(),
                v.kind(),
                status,
                v.severity(),
                v.sku(),
                v.orderId(),
                v.channel(),
                v.ours(),
                v.theirs(),
                v.detectedAt(),
                resolution,
                resolvedBy,
                resolvedAt,
                List.copyOf(history));
    }

    @CommandHandler
    public void handle(SetConflictRules command) {
        rules.put(command.merchantId(), List.copyOf(command.rules()));
    }

    @QueryHandler
    public ConflictView handle(FindConflict query) {
        ConflictView view = views.get(query.conflictId());
        return view != null && view.merchantId().equals(query.merchantId()) ? view : null;
    }

    @QueryHandler
    public ConflictPage handle(ListConflicts query) {
        List<ConflictView> all = views.values().stream()
                .filter(v -> v.merchantId().equals(query.merchantId()))
                .filter(v -> query.status() == null || v.status() == query.status())
                .filter(v -> query.kind() == null || v.kind() == query.kind())
                .filter(v -> query.channel() == null || query.channel().equals(v.channel()))
                .sorted(Comparator.comparing(ConflictView::detectedAt).reversed())
                .toList();
        List<ConflictView> page = all.stream()
                .skip((long) query.page() * query.size())
                .limit(query.size())
                .map(FakeConflicts::withoutHistory)
                .toList();
        return new ConflictPage(page, query.page(), query.size(), all.size());
    }

    @QueryHandler
    public ConflictSummary handle(SummarizeConflicts query) {
        List<ConflictView> open = views.values().stream()
                .filter(v -> v.merchantId().equals(query.merchantId()) && v.status() == ConflictStatus.OPEN)
                .toList();
        Map<ConflictKind, Long> byKind = new EnumMap<>(ConflictKind.class);
        open.forEach(v -> byKind.merge(v.kind(), 1L, Long::sum));
        Instant oldest = open.stream()
                .map(ConflictView::detectedAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
        long high = open.stream().filter(v -> v.severity() == Severity.HIGH).count();
        return new ConflictSummary(open.size(), high, oldest, byKind);
    }

    @QueryHandler
    public ConflictRules handle(FindConflictRules query) {
        List<ConflictRule> set = rules.get(query.merchantId());
        return set == null ? new ConflictRules(ConflictRule.DEFAULTS, true) : new ConflictRules(set, false);
    }

    /** Every conflict of the window counts; those the rules match with a resolving action would be resolved. */
    @QueryHandler
    public WhatIf handle(WhatIfRules query) {
        Map<ConflictKind, KindCounts> byKind = new EnumMap<>(ConflictKind.class);
        long resolve = 0;
        List<String> changed = new ArrayList<>();
        List<ConflictView> window = views.values().stream()
                .filter(v -> v.merchantId().equals(query.merchantId()))
                .filter(v ->
                        !v.detectedAt().isBefore(query.from()) && v.detectedAt().isBefore(query.to()))
                .toList();
        for (ConflictView v : window) {
            boolean resolves = ConflictRule.firstMatching(
                            query.rules(), v.kind(), Side.difference(v.ours(), v.theirs()))
                    .map(r -> r.action() != RuleAction.OPEN)
                    .orElse(false);
            resolve += resolves ? 1 : 0;
            if (resolves) {
                changed.add(v.conflictId());
            }
            KindCounts k = byKind.getOrDefault(v.kind(), new KindCounts(0, 0, 0));
            byKind.put(
                    v.kind(),
                    new KindCounts(
                            k.evaluated() + 1,
                            k.wouldResolve() + (resolves ? 1 : 0),
                            k.wouldOpen() + (resolves ? 0 : 1)));
        }
        return new WhatIf(window.size(), resolve, window.size() - resolve, byKind, changed);
    }

    private static ConflictView withoutHistory(ConflictView v) {
        return withHistory(v, List.of());
    }
}
