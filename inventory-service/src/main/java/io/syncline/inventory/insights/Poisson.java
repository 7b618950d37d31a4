package io.syncline.inventory.insights;

/** Tail probabilities of a Poisson count, summed in log space so that large means do not underflow. */
final class Poisson {

    private Poisson() {}

    /** P(X >= k) for a mean of {@code mean}. */
    static double atLeast(int k, double mean) {
        if (k <= 0) {
            return 1;
        }
        return Math.max(0, 1 - atMost(k - 1, mean));
    }

    /** P(X <= k) for a mean of {@code mean}. */
    static double atMost(int k, double mean) {
        if (mean <= 0) {
            return 1;
        }
        double logTerm = -mean;
        double sum = Math.exp(logTerm);
        for (int i = 1; i <= k; i++) {
            logTerm += Math.log(mean) - Math.log(i);
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }
}
