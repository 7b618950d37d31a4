package io.syncline.simulator;

import java.time.Duration;
import java.util.List;

/**
 * Orders a shop receives by itself: {@code ratePerSecond} orders a second on average (0 stops them), each of
 * {@code minLines}..{@code maxLines} distinct SKUs drawn by weight from {@code mix} (all items, equally, when it is
 * empty), {@code minQuantity}..{@code maxQuantity} units a line; afterwards a share {@code cancelShare} of them is
 * cancelled and a share {@code shipShare} shipped, about {@code followUpAfter} later. Null fields take defaults.
 */
public record OrderGeneratorConfig(
        Double ratePerSecond,
        List<SkuWeight> mix,
        Integer minLines,
        Integer maxLines,
        Integer minQuantity,
        Integer maxQuantity,
        Double cancelShare,
        Double shipShare,
        Duration followUpAfter) {

    /** A SKU and how often it is drawn relative to the others. */
    public record SkuWeight(String sku, Double weight) {
        public SkuWeight {
            weight = weight != null ? weight : 1.0;
            if (sku == null || sku.isBlank() || weight < 0) {
                throw new IllegalArgumentException("a mix entry needs a sku and a weight of at least 0");
            }
        }
    }

    public OrderGeneratorConfig {
        ratePerSecond = ratePerSecond != null ? ratePerSecond : 0.0;
        mix = mix != null ? List.copyOf(mix) : List.of();
        minLines = minLines != null ? minLines : 1;
        maxLines = maxLines != null ? maxLines : 3;
        minQuantity = minQuantity != null ? minQuantity : 1;
        maxQuantity = maxQuantity != null ? maxQuantity : 2;
        cancelShare = cancelShare != null ? cancelShare : 0.1;
        shipShare = shipShare != null ? shipShare : 0.6;
        followUpAfter = followUpAfter != null ? followUpAfter : Duration.ofSeconds(10);
        if (ratePerSecond < 0 || ratePerSecond > 1000) {
            throw new IllegalArgumentException("ratePerSecond must be between 0 and 1000");
        }
        if (minLines < 1 || maxLines < minLines || minQuantity < 1 || maxQuantity < minQuantity) {
            throw new IllegalArgumentException("lines and quantities need 1 <= min <= max");
        }
        if (cancelShare < 0 || shipShare < 0 || cancelShare + shipShare > 1) {
            throw new IllegalArgumentException("cancelShare and shipShare must be shares that add up to at most 1");
        }
        if (followUpAfter.isNegative()) {
            throw new IllegalArgumentException("followUpAfter must not be negative");
        }
    }

    /** No orders of its own. */
    public static OrderGeneratorConfig off() {
        return new OrderGeneratorConfig(0.0, null, null, null, null, null, null, null, null);
    }

    /** This many orders a second over all items, with the default mix and follow-ups. */
    public static OrderGeneratorConfig atRate(double ordersPerSecond) {
        return new OrderGeneratorConfig(ordersPerSecond, null, null, null, null, null, null, null, null);
    }

    public OrderGeneratorConfig withMix(List<SkuWeight> value) {
        return new OrderGeneratorConfig(
                ratePerSecond,
                value,
                minLines,
                maxLines,
                minQuantity,
                maxQuantity,
                cancelShare,
                shipShare,
                followUpAfter);
    }

    public OrderGeneratorConfig withFollowUps(double cancel, double ship, Duration after) {
        return new OrderGeneratorConfig(
                ratePerSecond, mix, minLines, maxLines, minQuantity, maxQuantity, cancel, ship, after);
    }

    public boolean running() {
        return ratePerSecond > 0;
    }
}
