package io.syncline.gateway.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.syncline.api.inventory.StockHistory.StockAt;
import io.syncline.api.inventory.StockHistory.StockChange;
import io.syncline.api.inventory.StockHistory.StockChanges;
import java.time.Instant;
import java.util.List;

/** A SKU's past as the API shows it: its levels at a moment, or the changes in a window, each with its cause. */
public final class HistoryResponses {

    private HistoryResponses() {}

    /**
     * One change: {@code delta} is the change of {@code available}, the levels are those after it; the cause
     * fields appear where the change has one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(
            Instant at,
            long sequence,
            String type,
            int delta,
            int onHand,
            int reserved,
            int available,
            String orderId,
            String channel,
            String reason,
            String conflictId,
            String user) {

        static Change of(StockChange c) {
            return new Change(
                    c.at(),
                    c.sequence(),
                    c.type(),
                    c.delta(),
                    c.onHand(),
                    c.reserved(),
                    c.available(),
                    c.orderId(),
                    c.channel(),
                    c.reason(),
                    c.conflictId(),
                    c.user());
        }
    }

    /** The levels at {@code at} and the last changes up to it; {@code earlierChanges} when there are more before. */
    public record AtMoment(
            String sku,
            Instant at,
            int onHand,
            int reserved,
            int available,
            List<Change> changes,
            boolean earlierChanges) {

        static AtMoment of(StockAt v) {
            return new AtMoment(
                    v.sku(),
                    v.at(),
                    v.onHand(),
                    v.reserved(),
                    v.available(),
                    v.changes().stream().map(Change::of).toList(),
                    v.earlierChanges());
        }
    }

    /** Every change in the window, oldest first; {@code truncated} when the limit cut it short. */
    public record Window(String sku, Instant from, Instant to, List<Change> items, boolean truncated) {

        static Window of(StockChanges v) {
            return new Window(
                    v.sku(),
                    v.from(),
                    v.to(),
                    v.items().stream().map(Change::of).toList(),
                    v.truncated());
        }
    }
}
