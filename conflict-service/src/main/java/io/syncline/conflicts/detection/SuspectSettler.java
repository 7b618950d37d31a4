package io.syncline.conflicts.detection;

import io.syncline.api.channels.ChannelQueries.OrderDeliveryBacklog;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Side;
import io.syncline.conflicts.ConflictsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the settle timer does when a suspect's time is up: a suspect still there was explained by nothing, so its
 * conflict opens, with the sides as the report had them. It waits longer while what could still explain it is on
 * its way (see {@link #explanationOnItsWay}).
 */
@Component
class SuspectSettler {

    /**
     * How many times {@code settle-at-most} a suspect waits at most while detection or the channel's inbox is still
     * working through what came before it.
     */
    static final int WORKING_THROUGH = 10;

    /** The longest a suspect that waits on goes unlooked at. */
    private static final Duration AGAIN = Duration.ofSeconds(1);

    private final Suspects suspects;
    private final Explanations explanations;
    private final ConflictOpener opener;
    private final TransactionTemplate transaction;
    private final DetectionProgress progress;
    private final ChannelBacklog backlog;
    private final Duration atMost;
    /** How soon a suspect that waits on is looked at again. */
    private final Duration again;

    SuspectSettler(
            Suspects suspects,
            Explanations explanations,
            ConflictOpener opener,
            PlatformTransactionManager transactions,
            DetectionProgress progress,
            ChannelBacklog backlog,
            ConflictsProperties properties) {
        this.suspects = suspects;
        this.explanations = explanations;
        this.opener = opener;
        this.transaction = new TransactionTemplate(transactions);
        this.progress = progress;
        this.backlog = backlog;
        this.atMost = properties.settleAtMost();
        this.again = properties.settleAfter().compareTo(AGAIN) < 0 ? properties.settleAfter() : AGAIN;
    }

    /**
     * Settles the suspect of one report, if it still waits (a newer report, or a stock event, may have taken it);
     * answers when to look again if what may explain it is still on its way.
     */
    Optional<Instant> settle(String reportId) {
        Optional<Suspects.Suspect> waiting = suspects.find(reportId);
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        Suspects.Suspect s = waiting.get();
        Instant now = Instant.now();
        if (now.isBefore(s.takenAt().plus(atMost.multipliedBy(WORKING_THROUGH))) && explanationOnItsWay(s, now)) {
            return Optional.of(now.plus(again));
        }
        decide(reportId);
        return Optional.empty();
    }

    /**
     * Whether what may explain the suspect is still on its way: detection working through older events, or the
     * channel's orders received by then and not applied, waiting for their first attempt (they will be, however
     * long the inbox takes under a burst) or, up to {@code settle-at-most}, failed and to be tried again (they may
     * never be).
     */
    private boolean explanationOnItsWay(Suspects.Suspect s, Instant now) {
        boolean withinSettle = now.isBefore(s.takenAt().plus(atMost));
        if (!progress.through(s.dueAt())) {
            return true;
        }
        // asked outside the suspect's lock: detection's own handling of a stock event must not wait on the gateway
        OrderDeliveryBacklog pending = backlog.of(s.merchantId(), s.channel(), s.dueAt());
        return pending.unattempted() > 0 || (withinSettle && pending.retrying() > 0);
    }

    private void decide(String reportId) {
        transaction.executeWithoutResult(status -> suspects.lockReport(reportId).ifPresent(s -> {
            suspects.dropReport(reportId);
            if (explanations.oversold(
                            s.merchantId(), s.channel(), s.sku(), s.ours(), s.theirs(), s.takenAt(), s.dueAt())
                    || explanations.behindUs(
                            s.merchantId(),
                            s.channel(),
                            s.sku(),
                            s.theirs(),
                            s.buffer(),
                            s.belief(),
                            s.reportedAt(),
                            s.takenAt(),
                            null)) {
                return;
            }
            opener.openOrReport(new Finding(
                    Finding.conflictId(reportId, ConflictKind.STOCK_MISMATCH),
                    s.merchantId(),
                    ConflictKind.STOCK_MISMATCH,
                    s.causeKey(),
                    s.channel(),
                    s.sku(),
                    null,
                    Side.quantity(s.ours()),
                    Side.quantity(s.theirs()),
                    new Evidence(
                            s.source(),
                            s.deliveryId(),
                            s.reportedAt() != null ? s.reportedAt() : s.takenAt(),
                            s.buffer(),
                            s.available(),
                            s.channel() + " shows " + s.theirs() + ", we wanted " + s.ours()),
                    Instant.now()));
        }));
    }
}
