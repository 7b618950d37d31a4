package io.syncline.conflicts.conflict;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionStarted;
import io.syncline.conflicts.conflict.Conflict.Facts;
import io.syncline.conflicts.conflict.ConflictEffects.Outcome;
import io.syncline.conflicts.conflict.ConflictWork.FailResolution;
import io.syncline.conflicts.conflict.ConflictWork.FinishResolution;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies each started decision's effect through the other services' commands, on its event processor's thread
 * (never a command thread), and tells the conflict whether it took effect. Decisions of the past are never applied
 * again: a replay passes them by.
 */
@Component
@ProcessingGroup(ResolutionEffects.PROCESSING_GROUP)
@DisallowReplay
class ResolutionEffects {

    static final String PROCESSING_GROUP = "conflict-resolution";

    private static final int REPORT_ATTEMPTS = 4;
    private static final Duration REPORT_BACKOFF = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ResolutionEffects.class);

    private final ConflictEffects effects;
    private final CommandGateway commands;
    private final Retry reporting = reporting();

    ResolutionEffects(ConflictEffects effects, CommandGateway commands) {
        this.effects = effects;
        this.commands = commands;
    }

    @EventHandler
    void on(ConflictResolutionStarted e) {
        Facts facts = new Facts(
                e.conflictId(), e.merchantId(), e.kind(), e.channel(), e.sku(), e.orderId(), e.ours(), e.theirs());
        Object report;
        try {
            Outcome outcome = effects.apply(facts, e.resolutionId(), e.resolution(), e.value());
            report = new FinishResolution(
                    e.conflictId(), e.resolutionId(), outcome.onHandBefore(), outcome.onHandAfter(), outcome.effect());
        } catch (RuntimeException failure) {
            Optional<ErrorDetails> refusal = Refusals.detailsOf(failure);
            String reason = refusal.map(ErrorDetails::message).orElseGet(() -> String.valueOf(failure.getMessage()));
            log.warn("Conflict {}: {} by {} did not take effect: {}", e.conflictId(), e.resolution(), e.by(), reason);
            report = new FailResolution(
                    e.conflictId(),
                    e.resolutionId(),
                    refusal.map(d -> d.code().name()).orElse(null),
                    reason);
        }
        report(report);
    }

    /**
     * Sends the report to the conflict, trying again a few times (1, 2 then 4 s apart): the effect must not run
     * twice, and a report for a decision no longer pending is ignored. A decision never reported stops blocking
     * others after {@link Conflict#STALE}.
     */
    private void report(Object report) {
        reporting.executeRunnable(() -> commands.sendAndWait(report));
    }

    private static Retry reporting() {
        Retry retry = Retry.of(
                "conflict-resolution-report",
                RetryConfig.custom()
                        .maxAttempts(REPORT_ATTEMPTS)
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(REPORT_BACKOFF, 2))
                        .build());
        retry.getEventPublisher()
                .onRetry(e -> log.warn(
                        "Reporting a decision's outcome failed (attempt {}): {}",
                        e.getNumberOfRetryAttempts(),
                        String.valueOf(e.getLastThrowable())));
        return retry;
    }
}
