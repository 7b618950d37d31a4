package io.syncline.simulator;

/**
 * Shopify's cost-based throttle of one shop: a leaky bucket of {@code maximumAvailable} points refilled at
 * {@code restoreRate} points a second; a mutation costs {@code mutationCost}, a query {@code queryCost}.
 * Null fields take the defaults of the Standard plan: 2000, 100/s, 10 and 2.
 */
public record ShopifyThrottle(Double maximumAvailable, Double restoreRate, Integer mutationCost, Integer queryCost) {

    public ShopifyThrottle {
        maximumAvailable = maximumAvailable != null ? maximumAvailable : 2000.0;
        restoreRate = restoreRate != null ? restoreRate : 100.0;
        mutationCost = mutationCost != null ? mutationCost : 10;
        queryCost = queryCost != null ? queryCost : 2;
        if (maximumAvailable <= 0 || restoreRate < 0 || mutationCost < 0 || queryCost < 0) {
            throw new IllegalArgumentException(
                    "the throttle needs a positive maximumAvailable and no negative rate or cost");
        }
    }

    public static ShopifyThrottle defaults() {
        return new ShopifyThrottle(null, null, null, null);
    }
}
