package io.syncline.api.conflicts;

import io.syncline.api.orders.OrderLine;
import java.util.List;

/**
 * One side of a conflict, ours or the channel's: a quantity (stock kinds), an order status
 * ({@code STATUS_MISMATCH}) or order lines ({@code DUPLICATE_ORDER}); the others are null.
 */
public record Side(Integer quantity, String status, List<OrderLine> lines) {

    public static Side quantity(int quantity) {
        return new Side(quantity, null, null);
    }

    public static Side status(String status) {
        return new Side(null, status, null);
    }

    public static Side lines(List<OrderLine> lines) {
        return new Side(null, null, List.copyOf(lines));
    }

    /** {@code theirs − ours} when both are quantities, else null. */
    public static Integer difference(Side ours, Side theirs) {
        if (ours == null || theirs == null || ours.quantity() == null || theirs.quantity() == null) {
            return null;
        }
        return theirs.quantity() - ours.quantity();
    }
}
