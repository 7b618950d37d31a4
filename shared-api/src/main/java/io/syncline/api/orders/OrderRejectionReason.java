package io.syncline.api.orders;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an order's rejection reason. The fulfilment writes {@code CODE} or {@code CODE:<sku>}
 * ({@code OUT_OF_STOCK:<sku>}, {@code UNKNOWN_SKU:<sku>}, {@code RESERVATION_CLOSED:<sku>}, {@code TIMEOUT});
 * any other reason (free text such as {@code by hand}, or none) has the code {@link #OTHER} and no SKU.
 * The Order aggregate and the upcaster of older {@code OrderRejected} events both read reasons here,
 * so that stored and new events agree.
 */
public record OrderRejectionReason(String code, String sku) {

    /** The code of a reason that is not {@code CODE} or {@code CODE:<sku>}. */
    public static final String OTHER = "OTHER";

    // a code is an upper-case constant; whatever follows the first colon is the SKU, colons included
    private static final Pattern CODED = Pattern.compile("([A-Z][A-Z0-9_]*)(?::(.*))?", Pattern.DOTALL);

    /** The code and SKU of {@code reason}; the SKU is null when the reason names none. */
    public static OrderRejectionReason parse(String reason) {
        Matcher matcher = reason == null ? null : CODED.matcher(reason);
        if (matcher == null || !matcher.matches()) {
            return new OrderRejectionReason(OTHER, null);
        }
        String sku = matcher.group(2);
        return new OrderRejectionReason(matcher.group(1), sku == null || sku.isBlank() ? null : sku);
    }
}
