package io.syncline.conflicts.detection;

import io.syncline.conflicts.ConflictsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What explains a channel's stock report that differs from what we wanted at the report, other than a push of ours
 * under way: the channel lagging behind our pushes (judged by our books, or by what we last knew it to show and its
 * own orders since), or an oversell.
 */
@Component
class Explanations {

    /** The finest time the channels give (Shopify's and TikTok Shop's times are whole seconds). */
    static final Duration GRAIN = Duration.ofSeconds(1);

    private final Causes causes;
    private final Books books;
    private final OwnOrders orders;
    private final Duration settleAfter;
    /** How far before a report a state of our books may be one the channel was in step with. */
    private final Duration lookBack;

    Explanations(Causes causes, Books books, OwnOrders orders, ConflictsProperties properties) {
        this.causes = causes;
        this.books = books;
        this.orders = orders;
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

    /**
     * Whether the channel is behind us rather than in disagreement: judged by what we knew it to show and its own
     * orders since where {@link #judgesByBelief} holds, by our books' recent states ({@link #lagging}) otherwise.
     * {@code stock} is the SKU's moves, read here when not given (null) and needed.
     */
    boolean behindUs(
            String merchantId,
            String channel,
            String sku,
            int theirs,
            Integer buffer,
            Belief belief,
            Instant reportedAt,
            Instant takenAt,
            Optional<StockMoves> stock) {
        if (judgesByBelief(merchantId, channel, belief)) {
            return ownOrdersSince(merchantId, channel, sku, theirs, belief, reportedAt != null ? reportedAt : takenAt);
        }
        Optional<StockMoves> moves = stock != null ? stock : books.stock(merchantId, sku);
        return moves.filter(s -> lagging(s, channel, theirs, buffer, takenAt)).isPresent();
    }

    /**
     * Whether a report is judged by what we knew the channel to show before it rather than by the states of our
     * books: with a belief, and each of the channel's orders since carrying the channel's own time. It is the
     * stricter judge (a hand edit that happens to equal a recent state of our books less the channel's own sales
     * still opens a conflict), and exact where our books cannot tell.
     */
    boolean judgesByBelief(String merchantId, String channel, Belief belief) {
        return belief != null
                && orders.withoutChannelTime(merchantId, channel, belief.from().minus(GRAIN)) == 0;
    }

    /**
     * Whether the channel shows what we last knew it to show ({@code belief}), moved by nothing but its own orders
     * since: it is behind our books (a push of ours follows), not in disagreement with them. This holds where our
     * books cannot tell, e.g. when a push of ours computed before we booked the channel's own sale set the channel
     * over that sale: our books then never were in a state the channel shows less its own sales since.
     */
    boolean ownOrdersSince(
            String merchantId, String channel, String sku, int theirs, Belief belief, Instant reportedAt) {
        if (belief == null || reportedAt == null) {
            return false;
        }
        Instant from = belief.from().minus(GRAIN);
        return ownOrdersExplain(
                theirs,
                belief,
                reportedAt,
                orders.sales(merchantId, channel, sku, from, reportedAt.plus(GRAIN)),
                orders.cancellations(merchantId, channel, sku, from));
    }

    /**
     * {@code theirs} is {@code belief}'s quantity less the units of the channel's sales placed certainly after the
     * belief held and before the report; a sale that may fall either side of those moments (the channel's times are
     * often whole seconds, and a push lands somewhere between its send and its acknowledgement) may count or not,
     * and so may the restock of an order cancelled meanwhile.
     */
    static boolean ownOrdersExplain(
            int theirs,
            Belief belief,
            Instant reportedAt,
            List<OwnOrders.Sale> sales,
            List<OwnOrders.Cancellation> cancellations) {
        Instant certainSince = latest(belief.at());
        Instant reportEnds = latest(reportedAt);
        int certain = 0;
        int mayLower = 0;
        int mayRaise = 0;
        for (OwnOrders.Sale sale : sales) {
            Instant earliest = sale.placedAt();
            Instant latest = latest(earliest);
            if (!latest.isAfter(belief.from()) || !earliest.isBefore(reportEnds)) {
                continue; // before the belief could hold (it shows in it, or our push set over it), or after the report
            }
            if (!earliest.isBefore(certainSince) && !latest.isAfter(reportedAt)) {
                certain -= sale.units();
            } else {
                mayLower -= sale.units();
            }
        }
        for (OwnOrders.Cancellation cancelled : cancellations) {
            mayRaise += cancelled.units();
        }
        int moved = theirs - belief.quantity();
        return moved >= certain + mayLower && moved <= certain + mayRaise;
    }

    /** The latest moment a time may stand for: a whole-second time is any moment of its second. */
    private static Instant latest(Instant at) {
        return at.getNano() == 0 ? at.plus(GRAIN) : at;
    }

    private static int shown(int available, int buffer) {
        return Math.max(0, available - buffer);
    }
}
