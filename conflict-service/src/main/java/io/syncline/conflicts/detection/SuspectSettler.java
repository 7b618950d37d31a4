package io.syncline.conflicts.detection;

import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Side;
import java.time.Instant;
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
    private final Explanations explanations;
    private final ConflictOpener opener;
    private final TransactionTemplate transaction;

    SuspectSettler(
            Suspects suspects,
            Explanations explanations,
            ConflictOpener opener,
            PlatformTransactionManager transactions) {
        this.suspects = suspects;
        this.explanations = explanations;
        this.opener = opener;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Settles the suspect of one report, if it still waits (a newer report, or a stock event, may have taken it). */
    void settle(String reportId) {
        transaction.executeWithoutResult(status -> suspects.lockReport(reportId).ifPresent(s -> {
            suspects.dropReport(reportId);
            if (explanations.oversold(
                            s.merchantId(), s.channel(), s.sku(), s.ours(), s.theirs(), s.takenAt(), s.dueAt())
                    || explanations.lagging(
                            s.merchantId(), s.channel(), s.sku(), s.theirs(), s.buffer(), s.takenAt())) {
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
