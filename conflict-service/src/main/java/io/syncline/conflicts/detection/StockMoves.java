package io.syncline.conflicts.detection;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A SKU's available units in detection's books and its recent moves, oldest first: what a channel lagging behind our
 * pushes may still show.
 */
record StockMoves(int available, List<Move> moves) {

    /** The most moves kept per SKU, so that a hot SKU stays cheap to judge. */
    static final int MAX = 128;

    /**
     * One move of our books: {@code available} after it; {@code channel} the channel whose own order moved it
     * (a reservation, or a release of a cancelled order), else null; {@code units} that channel's units
     * (negative for a sale); {@code at} the event's time in epoch microseconds.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"available", "channel", "units", "at"})
    record Move(int available, String channel, int units, long at) {

        boolean before(Instant instant) {
            return at < micros(instant);
        }

        boolean after(Instant instant) {
            return at > micros(instant);
        }
    }

    StockMoves {
        moves = List.copyOf(moves);
    }

    /**
     * With one more move, keeping the moves since {@code keepSince} and the newest one before it (the state when
     * they began), at most {@link #MAX}.
     */
    StockMoves with(Move move, Instant keepSince) {
        List<Move> kept = new ArrayList<>(moves);
        kept.add(move);
        while (kept.size() > MAX || (kept.size() > 1 && kept.get(1).before(keepSince))) {
            kept.remove(0);
        }
        return new StockMoves(move.available(), kept);
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
