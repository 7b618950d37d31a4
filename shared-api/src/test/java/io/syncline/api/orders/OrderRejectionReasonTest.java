package io.syncline.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderRejectionReasonTest {

    @ParameterizedTest(name = "\"{0}\" is {1}, SKU {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "OUT_OF_STOCK:MUG,               OUT_OF_STOCK,       MUG",
                "UNKNOWN_SKU:GHOST-1,            UNKNOWN_SKU,        GHOST-1",
                "RESERVATION_CLOSED:TEA,         RESERVATION_CLOSED, TEA",
                "TIMEOUT,                        TIMEOUT,            null",
                "FRAUD_SUSPECTED,                FRAUD_SUSPECTED,    null",
                "'OUT_OF_STOCK:MUG:RED',         OUT_OF_STOCK,       'MUG:RED'",
                "'OUT_OF_STOCK:',                OUT_OF_STOCK,       null",
                "'OUT_OF_STOCK: ',               OUT_OF_STOCK,       null",
                "by hand,                        OTHER,              null",
                "'Payment failed: card declined', OTHER,             null",
                "timeout,                        OTHER,              null",
                "' TIMEOUT',                     OTHER,              null",
                "'',                             OTHER,              null",
                "null,                           OTHER,              null"
            })
    void readsTheCodeAndSku(String reason, String code, String sku) {
        assertThat(OrderRejectionReason.parse(reason)).isEqualTo(new OrderRejectionReason(code, sku));
    }
}
