package io.syncline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The order workload both systems get: 1–3 lines on distinct random SKUs, 1–2 units each. */
final class OrderMix {

    static final int MAX_LINES = 3;
    static final int MAX_QUANTITY = 2;

    /** Expected units per order: mean lines (2) times mean quantity (1.5). */
    static final double MEAN_UNITS = (1 + MAX_LINES) / 2.0 * (1 + MAX_QUANTITY) / 2.0;

    private final List<String> skus;

    OrderMix(List<String> skus) {
        if (skus.size() < MAX_LINES) {
            throw new IllegalArgumentException("need at least " + MAX_LINES + " SKUs");
        }
        this.skus = List.copyOf(skus);
    }

    static List<String> skuNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(String.format("BENCH-%04d", i));
        }
        return names;
    }

    List<String> skus() {
        return skus;
    }

    /** The next order; the reference doubles as channel order id (Syncline) and primary key (plain SQL). */
    Order next(Random random) {
        int lineCount = 1 + random.nextInt(MAX_LINES);
        List<Line> lines = new ArrayList<>(lineCount);
        while (lines.size() < lineCount) {
            String sku = skus.get(random.nextInt(skus.size()));
            if (lines.stream().noneMatch(l -> l.sku().equals(sku))) {
                lines.add(new Line(sku, 1 + random.nextInt(MAX_QUANTITY)));
            }
        }
        return new Order(new UUID(random.nextLong(), random.nextLong()), lines);
    }

    record Line(String sku, int quantity) {}

    record Order(UUID reference, List<Line> lines) {

        int units() {
            return lines.stream().mapToInt(Line::quantity).sum();
        }
    }
}
