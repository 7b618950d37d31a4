package io.syncline.api.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.api.inventory.StockEvents.StockAdjusted;

/** {@code StockAdjusted} without a revision to revision 2: the adjustment had no key of its sender's, null. */
final class StockAdjustedUpcaster extends JsonUpcaster {

    StockAdjustedUpcaster() {
        super(StockAdjusted.class, "2");
    }

    @Override
    void upcast(ObjectNode event) {
        // written even when null, as the serializer writes revision 2
        event.putNull("adjustmentId");
    }
}
