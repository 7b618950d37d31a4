package io.syncline.conflicts.detection;

import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Side;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the settle timer does when a suspect's time is up: a suspect still there was explained by nothing, so its
 * conflict opens, with the sides as the report had them.
 */
@Component
class SuspectSettler {

    private final Suspects suspects;
    private final Causes causes;
    private final ConflictOpener opener;
    private final TransactionTemplate transaction;
    private final Duration settleAfter;
    private final Clock clock;

    @Autowired
    SuspectSettler(
            Suspects suspects,
            Causes causes,
            ConflictOpener opener,
            PlatformTransactionManager transactions,
            @Value("${syncline.conflicts.settle-after:5s}") Duration settleAfter) {
        this(suspects, causes, opener, transactions, settleAfter, Clock.systemUTC());
    }

    SuspectSettler(
            Suspects suspects,
            Causes causes,
            ConflictOpener opener,
            PlatformTransactionManager transactions,
            Duration settleAfter,
            Clock clock) {
        this.suspects = suspects;
        this.causes = causes;
        this.opener = opener;
        this.transaction = new TransactionTemplate(transactions);
        this.settleAfter = settleAfter;
        this.clock = clock;
    }

    /** Settles the suspect of one report, if it still waits (a newer report, or a stock event, may have taken it). */
    void settle(String reportId) {
        transaction.executeWithoutResult(status -> suspects.lockReport(reportId).ifPresent(s -> {
            suspects.dropReport(reportId);
            // an oversell detected since the report explains a channel gone negative
            if (s.theirs() < 0
                    && s.ours() == 0
                    && causes.oversoldBetween(
                            s.merchantId(), s.channel(), s.sku(), s.takenAt().minus(settleAfter), s.dueAt())) {
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
                    clock.instant()));
        }));
    }
}
