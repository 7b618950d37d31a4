package io.syncline.orders.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@value #METER}: orders whose fulfilment is stalled right now, the figure to alert on. */
@Component
public class StalledOrdersMeter {

    static final String METER = "syncline.orders.stalled";

    public StalledOrdersMeter(OrderSummaryRepository orders, MeterRegistry meters) {
        Gauge.builder(METER, orders, OrderSummaryRepository::countByStalledTrue)
                .description("Orders whose fulfilment keeps failing (GET /api/orders?stalled=true)")
                .register(meters);
    }
}
