package io.syncline.conflicts.conflict;

import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictCommands.ResolveConflict;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.Resolution;
import io.syncline.conflicts.conflict.Conflict.Decision;
import io.syncline.conflicts.conflict.ConflictWork.ApplyRule;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Starts decisions on conflicts, for a user ({@link ResolveConflict}) or for the rule that matched at detection
 * ({@link ApplyRule}). Their effects run afterwards in {@link ResolutionEffects}: a command thread never waits here
 * for the commands of another service, which would take the threads those commands need.
 */
@Component
public class ConflictResolutions {

    private final Repository<Conflict> conflicts;

    ConflictResolutions(Repository<Conflict> conflicts) {
        this.conflicts = conflicts;
    }

    /** A user's decision; refused unless the conflict is open, decidable and the decision fits its kind. */
    @CommandHandler
    public void handle(ResolveConflict command) {
        Aggregate<Conflict> conflict = load(command.conflictId(), command.merchantId());
        Integer value = command.resolution() == Resolution.SET_VALUE ? command.value() : null;
        String resolutionId = command.resolutionId() == null ? UUID.randomUUID().toString() : command.resolutionId();
        Decision decision =
                new Decision(resolutionId, command.resolution(), value, command.user(), null, command.note());
        conflict.execute(c -> c.start(decision, GenericEventMessage.clock.instant()));
    }

    /** The matching rule's decision; a rule that leaves the conflict open, or one decided meanwhile, does nothing. */
    @CommandHandler
    public void handle(ApplyRule command) {
        ConflictRule rule = command.rule();
        Optional<Resolution> resolution = rule.action().resolution();
        Aggregate<Conflict> conflict = load(command.conflictId(), command.merchantId());
        if (resolution.isEmpty() || !conflict.invoke(Conflict::isDecidable)) {
            return;
        }
        String by = "rule:" + conflict.invoke(c -> c.facts().kind());
        Decision decision = new Decision(UUID.randomUUID().toString(), resolution.get(), null, by, rule.text(), null);
        conflict.execute(c -> c.start(decision, GenericEventMessage.clock.instant()));
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
