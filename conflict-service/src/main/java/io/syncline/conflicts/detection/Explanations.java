package io.syncline.conflicts.detection;

import io.syncline.conflicts.ConflictsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What explains a channel's stock report that differs from what we wanted at the report, other than a push of ours
 * under way: the channel lagging behind our pushes, or an oversell.
 */
@Component
class Explanations {

    private final Causes causes;
    private final Books books;
    private final Duration settleAfter;
    /** How far before a report a state of our books may be one the channel was in step with. */
    private final Duration lookBack;

    Explanations(Causes causes, Books books, ConflictsProperties properties) {
        this.causes = causes;
        this.books = books;
        this.settleAfter = properties.settleAfter();
        this.lookBack = properties.settleAtMost();
    }

    /** How long a differing report waits for an explanation. */
    Duration settleAfter() {
        return settleAfter;
    }

    /** A channel gone negative while we want 0 is explained by an oversell detected in the report's window. */
    boolean oversold(
            String merchantId, String channel, String sku, int ours, int theirs, Instant takenAt, Instant until) {
        return theirs < 0
                && ours == 0
                && causes.oversoldBetween(merchantId, channel, sku, takenAt.minus(settleAfter), until);
    }

    /** Whether the channel's report is explained by our books as they stand: see {@link #lagging(StockMoves, String, int, int, Instant, Duration)}. */
    boolean lagging(String merchantId, String channel, String sku, int theirs, Integer buffer, Instant takenAt) {
        return books.stock(merchantId, sku)
                .filter(stock -> lagging(stock, channel, theirs, buffer, takenAt))
                .isPresent();
    }

    /** Whether the channel shows what it would lagging behind our pushes, given the SKU's moves. */
    boolean lagging(StockMoves stock, String channel, int theirs, Integer buffer, Instant takenAt) {
        return lagging(stock, channel, theirs, buffer == null ? 0 : buffer, takenAt, lookBack);
    }

    /**
     * A channel in step with us at some moment m shows what we wanted then, less its own sales since:
     * {@code theirs == max(0, available(m) - buffer) + its own units after m}. Every other move (other channels'
     * orders, adjustments, counts) is one our pushes had not brought it yet. m is a state of our books at the report
     * since {@code window} before it (or the state when that window began), or our books now (a move the channel saw
     * before we booked it).
     */
    static boolean lagging(StockMoves stock, String channel, int theirs, int buffer, Instant takenAt, Duration window) {
        if (shown(stock.available(), buffer) == theirs) {
            return true;
        }
        Instant from = takenAt.minus(window);
        List<StockMoves.Move> moves = stock.moves();
        int own = 0; // the channel's own units after the state looked at, up to now
        for (int i = moves.size() - 1; i >= 0; i--) {
            StockMoves.Move move = moves.get(i);
            // a state after the report is none the channel could have been in step with
            if (!move.after(takenAt) && shown(move.available(), buffer) + own == theirs) {
                return true;
            }
            if (move.before(from)) {
                return false; // the state when the window began was the oldest to look at
            }
            if (channel.equals(move.channel())) {
                own += move.units();
            }
        }
        return false;
    }

    private static int shown(int available, int buffer) {
        return Math.max(0, available - buffer);
    }
}
