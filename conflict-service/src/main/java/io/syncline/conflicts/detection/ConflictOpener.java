package io.syncline.conflicts.detection;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.RuleAction;
import io.syncline.api.conflicts.Side;
import io.syncline.conflicts.conflict.ConflictWork.ApplyRule;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.conflict.ConflictWork.ReportConflictAgain;
import io.syncline.conflicts.rules.ConflictRuleStore;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens a conflict for a finding, or reports its cause again to the conflict already open for it; then tries the
 * merchant's rules on a new one. Runs inside the caller's transaction, so its bookkeeping commits with the caller's
 * progress (the processor's token, or the settle timer's execution).
 */
@Component
class ConflictOpener {

    private static final Logger log = LoggerFactory.getLogger(ConflictOpener.class);

    private final Causes causes;
    private final ConflictRuleStore rules;
    private final CommandGateway commands;

    ConflictOpener(Causes causes, ConflictRuleStore rules, CommandGateway commands) {
        this.causes = causes;
        this.rules = rules;
        this.commands = commands;
    }

    void openOrReport(Finding finding) {
        if (causes.known(finding.conflictId())) {
            return; // this very event opened it already: a redelivery
        }
        Optional<Causes.Cause> open = causes.open(finding.merchantId(), finding.causeKey());
        if (open.isPresent()) {
            reportAgain(open.get().conflictId(), finding);
        } else {
            open(finding);
        }
    }

    void reportAgain(String conflictId, Finding finding) {
        causes.reportedAgain(conflictId, finding.theirs());
        send(
                new ReportConflictAgain(
                        conflictId,
                        finding.merchantId(),
                        finding.ours(),
                        finding.theirs(),
                        finding.evidence(),
                        finding.at(),
                        finding.conflictId()),
                false);
    }

    private void open(Finding finding) {
        causes.add(finding);
        send(
                new DetectConflict(
                        finding.conflictId(),
                        finding.merchantId(),
                        finding.kind(),
                        finding.channel(),
                        finding.sku(),
                        finding.orderId(),
                        finding.ours(),
                        finding.theirs(),
                        finding.evidence(),
                        finding.at()),
                true);
        Integer difference = Side.difference(finding.ours(), finding.theirs());
        Optional<ConflictRule> rule =
                ConflictRule.firstMatching(rules.rulesOf(finding.merchantId()), finding.kind(), difference);
        if (rule.isPresent() && rule.get().action() != RuleAction.OPEN) {
            send(new ApplyRule(finding.conflictId(), finding.merchantId(), rule.get()), false);
        }
    }

    /**
     * Sends and waits. A creation refused because the conflict exists (a redelivery) is ignored, and so is a command
     * refused by the conflict's state (it was resolved meanwhile); anything else fails the event, to be retried.
     */
    private void send(Object command, boolean creation) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            Optional<ErrorCode> code = Refusals.detailsOf(e).map(d -> d.code());
            if (creation && (code.filter(ErrorCode.DUPLICATE::equals).isPresent() || existsAlready(e))) {
                log.debug("Conflict of {} exists already", command);
                return;
            }
            if (!creation && code.filter(ErrorCode.CONFLICT::equals).isPresent()) {
                log.info("Conflict no longer takes {}: {}", command.getClass().getSimpleName(), e.getMessage());
                return;
            }
            throw e;
        }
    }

    /** Whether the event store refused the new conflict's first event because its stream exists. */
    private static boolean existsAlready(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("AggregateStreamCreationException") || message.contains("ConcurrencyException")) {
                return true; // as a remote failure describes it
            }
        }
        return false;
    }
}
