package io.syncline.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The zero-oversell verdict: per SKU, what the system holds against what it was given and confirmed. */
final class StockCheck {

    private StockCheck() {}

    /**
     * One SKU. {@code supplied}: units ever made available for sale; {@code onHand}, {@code reserved},
     * {@code available}: as the system reports them; {@code confirmedUnits}: units of the orders the
     * responses called CONFIRMED.
     */
    record SkuLedger(String sku, long supplied, long onHand, long reserved, long available, long confirmedUnits) {}

    record Verdict(boolean pass, int skus, long supplied, long confirmedUnits, List<String> failures) {

        String word() {
            return pass ? "PASS" : "FAIL";
        }
    }

    static Verdict check(List<SkuLedger> ledger) {
        List<String> failures = new ArrayList<>();
        long supplied = 0;
        long confirmed = 0;
        for (SkuLedger s : ledger) {
            supplied += s.supplied();
            confirmed += s.confirmedUnits();
            if (s.available() < 0) {
                failures.add(s.sku() + ": available " + s.available() + " < 0");
            }
            if (s.onHand() != s.supplied()) {
                failures.add(s.sku() + ": onHand " + s.onHand() + " != supplied " + s.supplied());
            }
            if (s.reserved() + s.available() != s.onHand()) {
                failures.add(s.sku() + ": reserved " + s.reserved() + " + available " + s.available() + " != onHand "
                        + s.onHand());
            }
            if (s.confirmedUnits() > s.supplied()) {
                failures.add(s.sku() + ": OVERSOLD, confirmed " + s.confirmedUnits() + " > supplied " + s.supplied());
            }
            if (s.confirmedUnits() != s.reserved()) {
                failures.add(s.sku() + ": confirmed " + s.confirmedUnits() + " != reserved " + s.reserved());
            }
        }
        return new Verdict(failures.isEmpty(), ledger.size(), supplied, confirmed, failures);
    }

    /**
     * Stock per SKU for a window: {@code ratio} of the units the window is expected to order, spread
     * evenly, so the last part of the window runs short and some orders must be rejected.
     */
    static int stockPerSku(double unitsPerSecond, double windowSeconds, int skus, double ratio) {
        double units = unitsPerSecond * windowSeconds * ratio / skus;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.ceil(units)));
    }
}
