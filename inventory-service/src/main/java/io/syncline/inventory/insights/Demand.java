package io.syncline.inventory.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a SKU is expected to sell per day from now on, with an 80% interval: the daily forecast where there is one,
 * otherwise the rate sold so far (a Poisson rate's interval over the time observed, at least an hour).
 */
record Demand(List<DemandForecast.Day> days) {

    static final Duration MIN_EXPOSURE = Duration.ofHours(1);
    private static final double DAY_SECONDS = 86_400.0;

    /** From a forecast of the coming days. */
    static Demand forecast(List<DemandForecast.Day> days) {
        return new Demand(days);
    }

    /**
     * {@code units} sold over {@code observed}, as a constant daily rate. The interval is that of a Poisson rate
     * (gamma quantiles, by Wilson and Hilferty's approximation of chi-squared).
     */
    static Demand rate(int units, Duration observed) {
        double days = Math.max(observed.getSeconds(), MIN_EXPOSURE.getSeconds()) / DAY_SECONDS;
        double low = units == 0 ? 0 : chiSquared(2.0 * units, -DemandForecast.Z80) / 2 / days;
        double high = chiSquared(2.0 * (units + 1), DemandForecast.Z80) / 2 / days;
        return new Demand(List.of(new DemandForecast.Day(units / days, low, high)));
    }

    /** Days until {@code available} units are sold at the expected demand; null when nothing is expected to sell. */
    Double cover(int available) {
        return cover(available, DemandForecast.Day::units);
    }

    /** The cover at the interval's high demand (the early end of the cover's interval). */
    Double coverLow(int available) {
        return cover(available, DemandForecast.Day::high);
    }

    /** The cover at the interval's low demand (its late end); null when as little as nothing may sell. */
    Double coverHigh(int available) {
        return cover(available, DemandForecast.Day::low);
    }

    /** When the expected demand will have taken {@code available}; null without a cover. */
    Instant stockoutAt(Instant now, int available) {
        Double cover = cover(available);
        return cover == null ? null : now.plusSeconds(Math.round(cover * DAY_SECONDS));
    }

    /**
     * Walks the days from now: each takes its units until the stock is gone; beyond the last day, the last day's
     * demand goes on.
     */
    private Double cover(int available, java.util.function.ToDoubleFunction<DemandForecast.Day> demand) {
        if (available <= 0) {
            return 0.0;
        }
        double left = available;
        double days = 0;
        for (int i = 0; ; i++) {
            double units = demand.applyAsDouble(this.days.get(Math.min(i, this.days.size() - 1)));
            if (i >= this.days.size() - 1) {
                return units <= 0 ? null : days + left / units;
            }
            if (units >= left) {
                return days + left / units;
            }
            left -= units;
            days++;
        }
    }

    /** The {@code z}-quantile of chi-squared with {@code k} degrees of freedom (Wilson–Hilferty). */
    private static double chiSquared(double k, double z) {
        double c = 2.0 / (9.0 * k);
        double root = 1 - c + z * Math.sqrt(c);
        return k * root * root * root;
    }
}
