package io.syncline.inventory.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Daily demand for the days after a history of daily units sold, with an 80% interval.
 *
 * <ul>
 *   <li>Two weeks or more: additive Holt-Winters with a damped trend and a weekly season;
 *   <li>three days to two weeks: Holt's damped trend, no season;
 *   <li>fewer than three days: no forecast.
 * </ul>
 *
 * The smoothing weights are those with the least one-step-ahead squared error over the history. With two weeks
 * or more, the season is kept only where it pays for its seven extra figures (a lower Akaike criterion than the
 * model without it), so that noise in sparse sales is not taken for a weekly pattern. The interval is
 * the one-step error's spread widened with the horizon; since units sold are counts, the spread is never taken
 * below a Poisson count's (the variance at least the forecast itself).
 */
final class DemandForecast {

    static final int MIN_DAYS = 3;
    static final int SEASONAL_DAYS = 14;
    static final int SEASON = 7;
    /** z of the 90th percentile: 80% of outcomes fall within ±z σ. */
    static final double Z80 = 1.2816;

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7};
    private static final double[] BETAS = {0.0, 0.05, 0.15};
    private static final double[] GAMMAS = {0.05, 0.1, 0.2, 0.4};
    /** Damping keeps a trend from running away over the horizon. */
    private static final double PHI = 0.9;

    /** One day's expected units and its 80% interval. */
    record Day(double units, double low, double high) {}

    /** The model that was fitted, for the README's and the API's explanation. */
    enum Model {
        HOLT_WINTERS,
        HOLT,
        NONE
    }

    private DemandForecast() {}

    static Model modelFor(int days) {
        return days >= SEASONAL_DAYS ? Model.HOLT_WINTERS : days >= MIN_DAYS ? Model.HOLT : Model.NONE;
    }

    /** The next {@code horizon} days after {@code history} (oldest first); empty when the history is too short. */
    static List<Day> forecast(double[] history, int horizon) {
        Model model = modelFor(history.length);
        if (model == Model.NONE) {
            return List.of();
        }
        // both are judged on the same days: those after the first week, which the season needs to start
        int scoreFrom = model == Model.HOLT_WINTERS ? SEASON : 1;
        Fit trend = best(history, false, scoreFrom);
        if (model == Model.HOLT_WINTERS) {
            Fit season = best(history, true, scoreFrom);
            if (season.aic(SEASON + 2) < trend.aic(2)) {
                return season.ahead(horizon);
            }
        }
        return trend.ahead(horizon);
    }

    private static Fit best(double[] history, boolean seasonal, int scoreFrom) {
        Fit best = null;
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                for (double gamma : seasonal ? GAMMAS : new double[] {0}) {
                    Fit fit = fit(history, alpha, beta, gamma, seasonal, scoreFrom);
                    if (best == null || fit.sse < best.sse) {
                        best = fit;
                    }
                }
            }
        }
        return best;
    }

    private static Fit fit(double[] y, double alpha, double beta, double gamma, boolean seasonal, int scoreFrom) {
        int m = seasonal ? SEASON : 1;
        double[] season = new double[m];
        double level;
        double trend;
        int start;
        if (seasonal) {
            double first = mean(y, 0, SEASON);
            double second = mean(y, SEASON, 2 * SEASON);
            level = first;
            trend = (second - first) / SEASON;
            for (int i = 0; i < SEASON; i++) {
                season[i] = y[i] - first;
            }
            start = SEASON;
            // the first season's level is its mean: bring it to the end of that season
            level = first + trend * (SEASON - 1) / 2.0;
        } else {
            level = y[0];
            trend = y.length > 1 ? (y[Math.min(y.length - 1, 2)] - y[0]) / Math.min(y.length - 1, 2) : 0;
            start = 1;
        }
        double sse = 0;
        int errors = 0;
        for (int t = start; t < y.length; t++) {
            double s = seasonal ? season[t % m] : 0;
            double predicted = level + PHI * trend + s;
            if (t >= scoreFrom) {
                double error = y[t] - Math.max(0, predicted);
                sse += error * error;
                errors++;
            }
            double previous = level;
            level = alpha * (y[t] - s) + (1 - alpha) * (level + PHI * trend);
            trend = beta * (level - previous) + (1 - beta) * PHI * trend;
            if (seasonal) {
                season[t % m] = gamma * (y[t] - level) + (1 - gamma) * s;
            }
        }
        return new Fit(level, trend, season, y.length, alpha, sse, errors);
    }

    private record Fit(double level, double trend, double[] season, int length, double alpha, double sse, int errors) {

        /** Akaike's criterion of the one-step errors for a model of {@code figures} fitted figures. */
        double aic(int figures) {
            return errors * Math.log(sse / errors + 1e-9) + 2.0 * figures;
        }

        List<Day> ahead(int horizon) {
            double variance = errors == 0 ? 0 : sse / errors;
            List<Day> days = new ArrayList<>(horizon);
            double damped = 0;
            for (int h = 1; h <= horizon; h++) {
                damped += Math.pow(PHI, h);
                double s = season.length == 1 ? 0 : season[(length + h - 1) % season.length];
                double units = Math.max(0, level + damped * trend + s);
                // the error of a forecast h days out grows with the level's drift over those days
                double spread = variance * (1 + (h - 1) * alpha * alpha);
                double sigma = Math.sqrt(Math.max(spread, units));
                days.add(new Day(units, Math.max(0, units - Z80 * sigma), units + Z80 * sigma));
            }
            return days;
        }
    }

    private static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum / (to - from);
    }
}
