package io.syncline.inventory.insights;

import java.util.Random;
import java.util.function.IntToDoubleFunction;

/** Generated sales whose truth is known: each day's (or hour's) units are Poisson around a given mean. */
final class Histories {

    private final Random random;

    Histories(long seed) {
        this.random = new Random(seed);
    }

    /** {@code length} counts, the i-th drawn around {@code mean.applyAsDouble(i)}. */
    double[] draw(int length, IntToDoubleFunction mean) {
        double[] counts = new double[length];
        for (int i = 0; i < length; i++) {
            counts[i] = poisson(mean.applyAsDouble(i));
        }
        return counts;
    }

    int poisson(double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** A weekly pattern around {@code level}: quiet early in the week, busy at the weekend. */
    static double weekly(int day, double level) {
        double[] shape = {0.8, 0.85, 0.9, 1.0, 1.1, 1.35, 1.0};
        return level * shape[day % 7];
    }
}
