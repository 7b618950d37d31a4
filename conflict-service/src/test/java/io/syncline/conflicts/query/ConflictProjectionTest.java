package io.syncline.conflicts.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.api.conflicts.ConflictEvents.ConflictDetected;
import io.syncline.api.conflicts.ConflictEvents.ConflictEscalated;
import io.syncline.api.conflicts.ConflictEvents.ConflictReportedAgain;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionFailed;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionStarted;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictEvents.ConflictRuleFailed;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictQueries.ConflictPage;
import io.syncline.api.conflicts.ConflictQueries.ConflictSummary;
import io.syncline.api.conflicts.ConflictQueries.ConflictView;
import io.syncline.api.conflicts.ConflictQueries.FindConflict;
import io.syncline.api.conflicts.ConflictQueries.HistoryEntry;
import io.syncline.api.conflicts.ConflictQueries.KindCounts;
import io.syncline.api.conflicts.ConflictQueries.ListConflicts;
import io.syncline.api.conflicts.ConflictQueries.SummarizeConflicts;
import io.syncline.api.conflicts.ConflictQueries.WhatIf;
import io.syncline.api.conflicts.ConflictQueries.WhatIfRules;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.ConflictStatus;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.RuleAction;
import io.syncline.api.conflicts.Severity;
import io.syncline.api.conflicts.Side;
import io.syncline.api.orders.OrderLine;
import io.syncline.conflicts.support.ConflictsDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read model on PostgreSQL, fed through Axon's adapters and asked through a real query bus. */
class ConflictProjectionTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private ConflictsDatabase db;
    private AnnotationEventHandlerAdapter events;
    private QueryGateway queries;
    private final Map<String, Long> sequences = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        db = database();
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        ConflictViews views = new ConflictViews(db.jdbc, db.json);
        events = new AnnotationEventHandlerAdapter(new ConflictProjection(views, emitter));
        SimpleQueryBus bus =
                SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
        new AnnotationQueryHandlerAdapter<>(new ConflictQueryHandler(views)).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    ConflictsDatabase database() {
        return ConflictsDatabase.create();
    }

    /** Applies the conflict's next event (sequence numbers per conflict, as the aggregate numbers them). */
    private void apply(String conflictId, Object event) {
        long seq = sequences.merge(conflictId, 0L, (a, b) -> a + 1);
        deliver(conflictId, seq, event);
    }

    private void deliver(String conflictId, long seq, Object event) {
        db.handle(
                events,
                new GenericDomainEventMessage<>(
                        "Conflict", conflictId, seq, event, MetaData.emptyInstance(), conflictId + "/" + seq, T0));
    }

    private static ConflictDetected stock(String id, String merchant, int ours, int theirs, Instant at) {
        return new ConflictDetected(
                id,
                merchant,
                ConflictKind.STOCK_MISMATCH,
                "shop-1",
                "MUG",
                null,
                Side.quantity(ours),
                Side.quantity(theirs),
                new Evidence("webhook", "d-1", at, 0, ours, "shop-1 shows " + theirs),
                at);
    }

    private static ConflictDetected duplicate(String id, Instant at) {
        return new ConflictDetected(
                id,
                "acme",
                ConflictKind.DUPLICATE_ORDER,
                "shop-2",
                null,
                "o-1",
                Side.lines(List.of(new OrderLine("MUG", 1))),
                Side.lines(List.of(new OrderLine("MUG", 2))),
                new Evidence("webhook", "d-2", at, null, null, "again"),
                at);
    }

    private static ConflictResolved resolved(ConflictDetected d, Resolution resolution, String by, Instant at) {
        return new ConflictResolved(
                d.conflictId(),
                d.merchantId(),
                d.kind(),
                d.channel(),
                d.sku(),
                d.orderId(),
                resolution,
                null,
                by,
                by.startsWith("rule:") ? "rule text" : null,
                "fine",
                5,
                5,
                null,
                at);
    }

    private ConflictView find(String merchant, String id) {
        return queries.query(new FindConflict(merchant, id), ResponseTypes.instanceOf(ConflictView.class))
                .join();
    }

    @Test
    void keepsTheConflictsLifeAsHistory() {
        ConflictDetected detected = stock("c-1", "acme", 5, 9, T0);
        apply("c-1", detected);
        apply(
                "c-1",
                new ConflictReportedAgain(
                        "c-1",
                        "acme",
                        Side.quantity(5),
                        Side.quantity(11),
                        detected.evidence(),
                        T0.plusSeconds(10),
                        "r-1"));
        apply(
                "c-1",
                new ConflictEscalated(
                        "c-1", "acme", ConflictKind.STOCK_MISMATCH, "shop-1", "MUG", null, T0.plusSeconds(900)));
        apply("c-1", started(detected, "d-0", "bob", T0.plusSeconds(950)));
        apply(
                "c-1",
                new ConflictResolutionFailed(
                        "c-1",
                        "acme",
                        "d-0",
                        Resolution.ACCEPT_THEIRS,
                        "bob",
                        "CONFLICT",
                        "below reserved",
                        T0.plusSeconds(951)));
        assertThat(find("acme", "c-1").status()).isEqualTo(ConflictStatus.OPEN);
        apply("c-1", started(detected, "d-1", "ann", T0.plusSeconds(999)));
        apply("c-1", resolved(detected, Resolution.ACCEPT_THEIRS, "ann", T0.plusSeconds(1000)));

        ConflictView view = find("acme", "c-1");

        assertThat(view.status()).isEqualTo(ConflictStatus.RESOLVED);
        assertThat(view.severity()).isEqualTo(Severity.HIGH);
        assertThat(view.theirs()).isEqualTo(Side.quantity(11));
        assertThat(view.resolution()).isEqualTo(Resolution.ACCEPT_THEIRS);
        assertThat(view.resolvedBy()).isEqualTo("ann");
        assertThat(view.resolvedAt()).isEqualTo(T0.plusSeconds(1000));
        assertThat(view.history())
                .extracting(HistoryEntry::what, HistoryEntry::by)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DETECTED", "system"),
                        org.assertj.core.groups.Tuple.tuple("REPORTED_AGAIN", "system"),
                        org.assertj.core.groups.Tuple.tuple("ESCALATED", "system"),
                        org.assertj.core.groups.Tuple.tuple("RESOLUTION_FAILED", "bob"),
                        org.assertj.core.groups.Tuple.tuple("RESOLVED", "ann"));
        Map<String, Object> first = view.history().get(0).detail();
        assertThat(first).containsEntry("ours", 5).containsEntry("theirs", 9);
        assertThat(((Map<?, ?>) first.get("evidence")).get("deliveryId")).isEqualTo("d-1");
        assertThat(first).containsKey("theirs");
        assertThat(view.history().get(3).detail())
                .containsEntry("resolutionId", "d-0")
                .containsEntry("code", "CONFLICT")
                .containsEntry("reason", "below reserved");
        assertThat(view.history().get(4).detail())
                .containsEntry("resolution", "ACCEPT_THEIRS")
                .containsEntry("onHandBefore", 5)
                .containsEntry("note", "fine");
        assertThat(find("globex", "c-1")).isNull();
        assertThat(find("acme", "c-9")).isNull();
    }

    private static ConflictResolutionStarted started(ConflictDetected d, String resolutionId, String by, Instant at) {
        return new ConflictResolutionStarted(
                d.conflictId(),
                d.merchantId(),
                resolutionId,
                d.kind(),
                d.channel(),
                d.sku(),
                d.orderId(),
                d.ours(),
                d.theirs(),
                Resolution.ACCEPT_THEIRS,
                null,
                by,
                null,
                "fine",
                at);
    }

    @Test
    void skipsRedeliveredEvents() {
        ConflictDetected detected = stock("c-1", "acme", 5, 9, T0);
        apply("c-1", detected);
        apply("c-1", new ConflictRuleFailed("c-1", "acme", "rule text", "below reserved", T0));
        deliver("c-1", 0, detected);
        deliver("c-1", 1, new ConflictRuleFailed("c-1", "acme", "rule text", "below reserved", T0));

        assertThat(find("acme", "c-1").history())
                .extracting(HistoryEntry::what)
                .containsExactly("DETECTED", "RULE_FAILED");
    }

    @Test
    void pushesChangesToSubscribersOfTheConflict() {
        SubscriptionQueryResult<ConflictView, ConflictView> subscription = queries.subscriptionQuery(
                new FindConflict("acme", "c-1"),
                ResponseTypes.instanceOf(ConflictView.class),
                ResponseTypes.instanceOf(ConflictView.class));
        List<ConflictView> updates = new ArrayList<>();
        subscription.updates().subscribe(updates::add);
        assertThat(subscription.initialResult().block()).isNull();

        ConflictDetected detected = stock("c-1", "acme", 5, 9, T0);
        apply("c-1", detected);
        apply("c-2", stock("c-2", "acme", 1, 9, T0));
        apply("c-1", resolved(detected, Resolution.KEEP_OURS, "rule:STOCK_MISMATCH", T0.plusSeconds(1)));

        assertThat(updates)
                .extracting(ConflictView::status)
                .containsExactly(ConflictStatus.OPEN, ConflictStatus.RESOLVED);
        assertThat(updates).extracting(ConflictView::conflictId).containsOnly("c-1");
        subscription.close();
    }

    @Test
    void listsNewestFirstWithFiltersAndPages() {
        for (int i = 0; i < 5; i++) {
            apply("s-" + i, stock("s-" + i, "acme", 5, 9, T0.plusSeconds(i)));
        }
        ConflictDetected dup = duplicate("d-1", T0.plusSeconds(10));
        apply("d-1", dup);
        apply("d-1", resolved(dup, Resolution.KEEP_OURS, "rule:DUPLICATE_ORDER", T0.plusSeconds(10)));
        apply("g-1", stock("g-1", "globex", 5, 9, T0.plusSeconds(20)));

        ConflictPage all = list(new ListConflicts("acme", null, null, null, 0, 4));
        assertThat(all.items()).extracting(ConflictView::conflictId).containsExactly("d-1", "s-4", "s-3", "s-2");
        assertThat(all.total()).isEqualTo(6);
        assertThat(list(new ListConflicts("acme", null, null, null, 1, 4)).items())
                .extracting(ConflictView::conflictId)
                .containsExactly("s-1", "s-0");
        assertThat(list(new ListConflicts("acme", ConflictStatus.OPEN, null, null, 0, 50))
                        .total())
                .isEqualTo(5);
        assertThat(list(new ListConflicts("acme", null, ConflictKind.DUPLICATE_ORDER, null, 0, 50))
                        .items())
                .extracting(ConflictView::conflictId)
                .containsExactly("d-1");
        assertThat(list(new ListConflicts("acme", null, null, "shop-2", 0, 50)).total())
                .isEqualTo(1);
        assertThat(all.items().get(0).history()).isEmpty();
    }

    @Test
    void summarizesTheOpenConflicts() {
        apply("s-1", stock("s-1", "acme", 5, 9, T0.plusSeconds(5)));
        apply("s-2", stock("s-2", "acme", 5, 9, T0.plusSeconds(3)));
        apply("s-2", new ConflictEscalated("s-2", "acme", ConflictKind.STOCK_MISMATCH, "shop-1", "MUG", null, T0));
        ConflictDetected dup = duplicate("d-1", T0);
        apply("d-1", dup);
        apply("d-1", resolved(dup, Resolution.KEEP_OURS, "rule:DUPLICATE_ORDER", T0));

        ConflictSummary summary = queries.query(new SummarizeConflicts("acme"), ConflictSummary.class)
                .join();

        assertThat(summary)
                .isEqualTo(new ConflictSummary(2, 1, T0.plusSeconds(3), Map.of(ConflictKind.STOCK_MISMATCH, 2L)));
        assertThat(queries.query(new SummarizeConflicts("globex"), ConflictSummary.class)
                        .join())
                .isEqualTo(new ConflictSummary(0, 0, null, Map.of()));
    }

    @Test
    void whatIfCountsAsADirectEvaluationOfTheRules() {
        // differences 1 (resolved by the default rule), 3 and 6 (opened), a duplicate resolved by rule, one outside
        ConflictDetected small = stock("s-1", "acme", 5, 6, T0);
        apply("s-1", small);
        apply("s-1", resolved(small, Resolution.KEEP_OURS, "rule:STOCK_MISMATCH", T0));
        apply("s-3", stock("s-3", "acme", 5, 2, T0.plusSeconds(1)));
        apply("s-6", stock("s-6", "acme", 5, 11, T0.plusSeconds(2)));
        ConflictDetected dup = duplicate("d-1", T0.plusSeconds(3));
        apply("d-1", dup);
        apply("d-1", resolved(dup, Resolution.KEEP_OURS, "rule:DUPLICATE_ORDER", T0.plusSeconds(3)));
        apply("late", stock("late", "acme", 5, 9, T0.plusSeconds(3600)));
        apply("other", stock("other", "globex", 5, 9, T0));
        // a user's decision later is not what happened at detection
        ConflictDetected s3 = stock("s-3", "acme", 5, 2, T0.plusSeconds(1));
        apply("s-3", resolved(s3, Resolution.ACCEPT_THEIRS, "ann", T0.plusSeconds(100)));

        List<ConflictRule> proposed = List.of(
                new ConflictRule(ConflictKind.STOCK_MISMATCH, 4, RuleAction.ACCEPT_THEIRS),
                new ConflictRule(ConflictKind.DUPLICATE_ORDER, null, RuleAction.OPEN));
        WhatIf whatIf = queries.query(
                        new WhatIfRules("acme", proposed, T0, T0.plus(Duration.ofMinutes(10))), WhatIf.class)
                .join();

        // evaluated directly: s-1 (1) and s-3 (-3) → ACCEPT_THEIRS, s-6 (6) → open, d-1 → open
        assertThat(whatIf.evaluated()).isEqualTo(4);
        assertThat(whatIf.wouldResolve()).isEqualTo(2);
        assertThat(whatIf.wouldOpen()).isEqualTo(2);
        assertThat(whatIf.byKind())
                .isEqualTo(Map.of(
                        ConflictKind.STOCK_MISMATCH, new KindCounts(3, 2, 1),
                        ConflictKind.DUPLICATE_ORDER, new KindCounts(1, 0, 1)));
        // s-1 was kept by rule (now accepted), s-3 opened (now accepted), d-1 was kept (now open); s-6 unchanged
        assertThat(whatIf.changed()).containsExactlyInAnyOrder("s-1", "s-3", "d-1");

        WhatIf defaults = queries.query(
                        new WhatIfRules("acme", ConflictRule.DEFAULTS, T0, T0.plus(Duration.ofMinutes(10))),
                        WhatIf.class)
                .join();
        assertThat(defaults.changed()).isEmpty();
        assertThat(defaults.wouldResolve()).isEqualTo(2);
    }

    @Test
    void resetEmptiesTheReadModel() {
        apply("c-1", stock("c-1", "acme", 5, 9, T0));

        events.prepareReset();

        assertThat(db.count("select count(*) from conflicts")).isZero();
        assertThat(db.count("select count(*) from conflict_history")).isZero();
    }

    private ConflictPage list(ListConflicts query) {
        return queries.query(query, ConflictPage.class).join();
    }
}
