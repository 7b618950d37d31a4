package io.syncline.gateway.conflicts;

import io.syncline.api.common.ErrorCode;
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
import io.syncline.api.conflicts.ConflictQueries.ListConflicts;
import io.syncline.api.conflicts.ConflictQueries.SummarizeConflicts;
import io.syncline.api.conflicts.ConflictQueries.WhatIf;
import io.syncline.api.conflicts.ConflictQueries.WhatIfRules;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.ConflictStatus;
import io.syncline.api.conflicts.Resolution;
import io.syncline.gateway.messaging.ServiceCalls;
import io.syncline.gateway.messaging.ServiceUnavailableException;
import io.syncline.gateway.web.GatewayProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Service;

/** The conflict service's commands and queries over Axon, for the caller's merchant. */
@Service
public class ConflictService {

    private static final String RESOLUTION_FAILED = "RESOLUTION_FAILED";
    private static final Duration LOOKUP_INTERVAL = Duration.ofMillis(100);

    private final ServiceCalls calls;
    private final Duration readYourWrites;

    public ConflictService(ServiceCalls calls, GatewayProperties properties) {
        this.calls = calls;
        this.readYourWrites = properties.readYourWritesTimeout();
    }

    public Optional<ConflictView> find(String merchantId, String conflictId) {
        Optional<ConflictView> view = calls.query(
                new FindConflict(merchantId, conflictId), ResponseTypes.optionalInstanceOf(ConflictView.class));
        return ownedBy(merchantId, view);
    }

    public ConflictPage list(
            String merchantId, ConflictStatus status, ConflictKind kind, String channel, int page, int size) {
        return calls.query(
                new ListConflicts(merchantId, status, kind, channel, page, size),
                ResponseTypes.instanceOf(ConflictPage.class));
    }

    public ConflictSummary summary(String merchantId) {
        return calls.query(new SummarizeConflicts(merchantId), ResponseTypes.instanceOf(ConflictSummary.class));
    }

    public ConflictRules rules(String merchantId) {
        return calls.query(new FindConflictRules(merchantId), ResponseTypes.instanceOf(ConflictRules.class));
    }

    public WhatIf whatIf(String merchantId, List<ConflictRule> rules, Instant from, Instant to) {
        return calls.query(new WhatIfRules(merchantId, rules, from, to), ResponseTypes.instanceOf(WhatIf.class));
    }

    /**
     * Resolves the conflict and answers its view once the read model shows it resolved (subscribed before the
     * command goes); the view as it stands when that takes longer than the read-your-writes timeout. A decision
     * whose effect was refused (its {@code RESOLUTION_FAILED} entry) is refused with that refusal's code and reason.
     */
    public Optional<ConflictView> resolve(
            String merchantId, String conflictId, Resolution resolution, Integer value, String note, String user) {
        String resolutionId = UUID.randomUUID().toString();
        try (SubscriptionQueryResult<ConflictView, ConflictView> sub = calls.subscribe(
                new FindConflict(merchantId, conflictId),
                ResponseTypes.instanceOf(ConflictView.class),
                ResponseTypes.instanceOf(ConflictView.class))) {
            // the initial answer also proves the subscription is in place before the command goes
            calls.initial(sub);
            calls.send(new ResolveConflict(conflictId, merchantId, resolutionId, resolution, value, note, user));
            Optional<ConflictView> outcome = calls.firstUpdate(
                    sub,
                    v -> conflictId.equals(v.conflictId())
                            && (v.status() == ConflictStatus.RESOLVED
                                    || failure(v, resolutionId).isPresent()),
                    v -> {},
                    readYourWrites);
            Optional<ConflictView> view =
                    outcome.isPresent() ? ownedBy(merchantId, outcome) : find(merchantId, conflictId);
            view.flatMap(v -> failure(v, resolutionId)).ifPresent(failed -> {
                throw refusal(failed);
            });
            return view;
        }
    }

    /** The entry saying that the decision {@code resolutionId} did not take effect, if the view has one. */
    private static Optional<HistoryEntry> failure(ConflictView view, String resolutionId) {
        return view.history() == null
                ? Optional.empty()
                : view.history().stream()
                        .filter(h -> RESOLUTION_FAILED.equals(h.what())
                                && h.detail() != null
                                && resolutionId.equals(h.detail().get("resolutionId")))
                        .findFirst();
    }

    private static RuntimeException refusal(HistoryEntry failed) {
        Object code = failed.detail().get("code");
        String reason = String.valueOf(failed.detail().get("reason"));
        ErrorCode known = Arrays.stream(ErrorCode.values())
                .filter(c -> c.name().equals(code))
                .findFirst()
                .orElse(null);
        // a failure that was no refusal (the service did not answer) is the edge's to report as unavailable
        return known == null
                ? new ServiceUnavailableException("The decision did not take effect: " + reason, null)
                : Refusals.refuse(known, reason, null);
    }

    /** Replaces the merchant's rules; answers them once the service reads them back (bounded). */
    public ConflictRules setRules(String merchantId, List<ConflictRule> rules, String user) {
        calls.send(new SetConflictRules(merchantId, rules, user));
        long deadline = System.nanoTime() + readYourWrites.toNanos();
        while (true) {
            ConflictRules current = rules(merchantId);
            if ((current != null && !current.defaults() && rules.equals(current.rules()))
                    || System.nanoTime() >= deadline) {
                // the command succeeded: what was set is what holds, even if the read lags
                return new ConflictRules(List.copyOf(rules), false);
            }
            try {
                Thread.sleep(LOOKUP_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ConflictRules(List.copyOf(rules), false);
            }
        }
    }

    private static Optional<ConflictView> ownedBy(String merchantId, Optional<ConflictView> view) {
        return view == null ? Optional.empty() : view.filter(v -> Objects.equals(merchantId, v.merchantId()));
    }
}
