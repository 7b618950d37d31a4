package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.syncline.benchmarks.OrderMix.Line;
import io.syncline.benchmarks.OrderMix.Order;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderMixTest {

    private final OrderMix mix = new OrderMix(OrderMix.skuNames(50));

    @Test
    void ordersHaveOneToThreeLinesOnDistinctSkusOfOneOrTwoUnits() {
        Random random = new Random(1);
        Set<Integer> lineCounts = new HashSet<>();
        Set<String> skusSeen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Order order = mix.next(random);
            List<String> skus = order.lines().stream().map(Line::sku).toList();
            assertThat(skus).doesNotHaveDuplicates();
            assertThat(order.lines()).allSatisfy(l -> assertThat(l.quantity()).isBetween(1, 2));
            lineCounts.add(order.lines().size());
            skusSeen.addAll(skus);
        }
        assertThat(lineCounts).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(skusSeen).hasSize(50);
    }

    @Test
    void theSameSeedGivesTheSameOrdersSoBothSystemsGetOneWorkload() {
        List<Order> first = IntStream.range(0, 100)
                .mapToObj(i -> mix.next(new Random(7 + i)))
                .toList();
        List<Order> second = IntStream.range(0, 100)
                .mapToObj(i -> mix.next(new Random(7 + i)))
                .toList();

        assertThat(second).isEqualTo(first);
        assertThat(first.stream().map(Order::reference).distinct()).hasSize(100);
    }

    @Test
    void meanUnitsPerOrderIsThree() {
        Random random = new Random(3);
        double mean = IntStream.range(0, 50_000)
                .map(i -> mix.next(random).units())
                .average()
                .orElseThrow();

        assertThat(OrderMix.MEAN_UNITS).isEqualTo(3.0);
        assertThat(mean).isCloseTo(OrderMix.MEAN_UNITS, within(0.05));
    }

    @Test
    void skuNamesAreStableAndSortable() {
        assertThat(OrderMix.skuNames(3)).containsExactly("BENCH-0001", "BENCH-0002", "BENCH-0003");
    }
}
