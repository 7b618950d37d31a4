package io.syncline.conflicts.conflict;

import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictCommands.ResolveConflict;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.Resolution;
import io.syncline.conflicts.conflict.Conflict.Facts;
import io.syncline.conflicts.conflict.Conflict.Resolved;
import io.syncline.conflicts.conflict.ConflictEffects.Outcome;
import io.syncline.conflicts.conflict.ConflictWork.ApplyRule;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves conflicts, for a user ({@link ResolveConflict}) or for the rule that matched at detection
 * ({@link ApplyRule}). The conflict is loaded first, which locks it for the unit of work, so the check that it is
 * open, the effect in the other services and {@code ConflictResolved} happen once however many ask at once.
 */
@Component
public class ConflictResolutions {

    private static final Logger log = LoggerFactory.getLogger(ConflictResolutions.class);

    private final Repository<Conflict> conflicts;
    private final ConflictEffects effects;

    ConflictResolutions(Repository<Conflict> conflicts, ConflictEffects effects) {
        this.conflicts = conflicts;
        this.effects = effects;
    }

    /** A user's decision; a refused stock effect refuses it with the inventory's own problem. */
    @CommandHandler
    public void handle(ResolveConflict command) {
        Aggregate<Conflict> conflict = load(command.conflictId(), command.merchantId());
        conflict.execute(c -> c.checkResolvable(command.resolution(), command.value()));
        Facts facts = conflict.invoke(Conflict::facts);
        Outcome outcome;
        try {
            outcome = effects.apply(facts, command.resolution(), command.value());
        } catch (RuntimeException failure) {
            Optional<ErrorDetails> refusal = Refusals.detailsOf(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            // a fresh refusal with the same details, so the edge maps it as the service that refused
            ErrorDetails details = refusal.get();
            throw Refusals.refuse(details.code(), details.message(), details.reference());
        }
        Integer value = command.resolution() == Resolution.SET_VALUE ? command.value() : null;
        conflict.execute(c -> c.resolve(
                new Resolved(
                        command.resolution(),
                        value,
                        command.user(),
                        null,
                        command.note(),
                        outcome.onHandBefore(),
                        outcome.onHandAfter(),
                        outcome.effect()),
                GenericEventMessage.clock.instant()));
    }

    /**
     * The matching rule's decision. A rule that leaves the conflict open, or a conflict decided meanwhile, has
     * nothing to do; an effect that fails is recorded as {@code ConflictRuleFailed} and the conflict stays open.
     */
    @CommandHandler
    public void handle(ApplyRule command) {
        ConflictRule rule = command.rule();
        Optional<Resolution> resolution = rule.action().resolution();
        Aggregate<Conflict> conflict = load(command.conflictId(), command.merchantId());
        if (resolution.isEmpty() || !conflict.invoke(Conflict::isOpen)) {
            return;
        }
        Facts facts = conflict.invoke(Conflict::facts);
        Outcome outcome;
        try {
            outcome = effects.apply(facts, resolution.get(), null);
        } catch (RuntimeException failure) {
            String reason = Refusals.detailsOf(failure)
                    .map(ErrorDetails::message)
                    .orElseGet(() -> String.valueOf(failure.getMessage()));
            log.warn("Conflict {}: rule {} could not be applied: {}", facts.conflictId(), rule.text(), reason);
            conflict.execute(c -> c.ruleFailed(rule.text(), reason, GenericEventMessage.clock.instant()));
            return;
        }
        conflict.execute(c -> c.resolve(
                new Resolved(
                        resolution.get(),
                        null,
                        "rule:" + facts.kind(),
                        rule.text(),
                        null,
                        outcome.onHandBefore(),
                        outcome.onHandAfter(),
                        outcome.effect()),
                GenericEventMessage.clock.instant()));
    }

    /** The merchant's conflict, locked; another merchant's is as unknown as a missing one. */
    private Aggregate<Conflict> load(String conflictId, String merchantId) {
        Aggregate<Conflict> conflict;
        try {
            conflict = conflicts.load(conflictId);
        } catch (AggregateNotFoundException missing) {
            throw Refusals.notFound("no conflict " + conflictId);
        }
        if (!Objects.equals(conflict.invoke(c -> c.facts().merchantId()), merchantId)) {
            throw Refusals.notFound("no conflict " + conflictId);
        }
        return conflict;
    }
}
