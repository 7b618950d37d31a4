package io.syncline.conflicts.query;

import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictQueries.ConflictPage;
import io.syncline.api.conflicts.ConflictQueries.ConflictSummary;
import io.syncline.api.conflicts.ConflictQueries.ConflictView;
import io.syncline.api.conflicts.ConflictQueries.FindConflict;
import io.syncline.api.conflicts.ConflictQueries.KindCounts;
import io.syncline.api.conflicts.ConflictQueries.ListConflicts;
import io.syncline.api.conflicts.ConflictQueries.SummarizeConflicts;
import io.syncline.api.conflicts.ConflictQueries.WhatIf;
import io.syncline.api.conflicts.ConflictQueries.WhatIfRules;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.RuleAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the conflict queries from the read model. */
@Component
class ConflictQueryHandler {

    private static final int MAX_SIZE = 200;

    private final ConflictViews views;

    ConflictQueryHandler(ConflictViews views) {
        this.views = views;
    }

    /** The conflict, or null when the merchant has none of that id (also the initial result of a subscription). */
    @QueryHandler
    ConflictView handle(FindConflict query) {
        return views.find(query.merchantId(), query.conflictId()).orElse(null);
    }

    @QueryHandler
    ConflictPage handle(ListConflicts query) {
        int size = Math.min(Math.max(query.size(), 1), MAX_SIZE);
        int page = Math.max(query.page(), 0);
        StringBuilder where = new StringBuilder("merchant_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.merchantId()));
        if (query.status() != null) {
            where.append(" and status = ?");
            args.add(query.status().name());
        }
        if (query.kind() != null) {
            where.append(" and kind = ?");
            args.add(query.kind().name());
        }
        if (query.channel() != null) {
            where.append(" and channel = ?");
            args.add(query.channel());
        }
        return new ConflictPage(
                views.page(where.toString(), args, page, size), page, size, views.count(where.toString(), args));
    }

    @QueryHandler
    ConflictSummary handle(SummarizeConflicts query) {
        return views.summary(query.merchantId());
    }

    /** What the proposed rules would have done with the conflicts detected in the window, against what happened. */
    @QueryHandler
    WhatIf handle(WhatIfRules query) {
        List<ConflictRule> rules = query.rules() == null ? List.of() : query.rules();
        Map<ConflictKind, long[]> counts = new EnumMap<>(ConflictKind.class);
        List<String> changed = new ArrayList<>();
        long evaluated = 0;
        long resolve = 0;
        for (ConflictViews.Detected c : views.detectedBetween(query.merchantId(), query.from(), query.to())) {
            RuleAction action = ConflictRule.firstMatching(rules, c.kind(), c.firstDifference())
                    .map(ConflictRule::action)
                    .orElse(RuleAction.OPEN);
            boolean resolves = action != RuleAction.OPEN;
            long[] k = counts.computeIfAbsent(c.kind(), x -> new long[3]);
            evaluated++;
            k[0]++;
            if (resolves) {
                resolve++;
                k[1]++;
            } else {
                k[2]++;
            }
            String outcome = resolves ? action.name() : ConflictViews.OPENED;
            if (!outcome.equals(c.outcome())) {
                changed.add(c.conflictId());
            }
        }
        Map<ConflictKind, KindCounts> byKind = new EnumMap<>(ConflictKind.class);
        counts.forEach((kind, k) -> byKind.put(kind, new KindCounts(k[0], k[1], k[2])));
        return new WhatIf(evaluated, resolve, evaluated - resolve, byKind, changed);
    }
}
