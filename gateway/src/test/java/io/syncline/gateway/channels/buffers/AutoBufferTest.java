package io.syncline.gateway.channels.buffers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The adaptive buffer's formula, and what it is for: on a burst that takes the last units, a channel holding back
 * what it sells while a push is in flight oversells less than one holding back nothing.
 */
class AutoBufferTest {

    private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void theBufferIsWhatTheChannelSellsDuringThePushLagTimesTheSafetyFactor() {
        // 86,400 a day is one a second: a 2.5 s lag at a factor of 2 holds back 5
        assertThat(AutoBuffer.of(86_400, 2_500, true, 2, null, AT).buffer()).isEqualTo(5);
        // 1,000 a day over 5 s, twice: 0.116, held back as one unit
        assertThat(AutoBuffer.of(1_000, 5_000, true, 2, null, AT).buffer()).isEqualTo(1);
        assertThat(AutoBuffer.of(0, 5_000, true, 2, null, AT).buffer()).isZero();
        assertThat(AutoBuffer.of(1_000_000, 10_000, true, 2, 10, AT).buffer())
                .as("bounded by bufferMax")
                .isEqualTo(10);
        assertThat(AutoBuffer.of(1_000_000, 10_000, true, 2, 0, AT).buffer()).isZero();
    }

    @Test
    void aFastChannelWithASlowApiHoldsBackMoreThanASlowOne() {
        int fastSlowApi = AutoBuffer.of(20_000, 4_000, true, 2, null, AT).buffer();
        int slowFastApi = AutoBuffer.of(2_000, 400, true, 2, null, AT).buffer();

        assertThat(fastSlowApi).isEqualTo(2);
        assertThat(slowFastApi).isEqualTo(1);
        assertThat(AutoBuffer.of(200_000, 4_000, true, 2, null, AT).buffer()).isEqualTo(19);
    }

    /**
     * Two channels sell the same SKU at the same rate; each shows what we last pushed less its own sales since,
     * and a push lands {@code LAG} after our stock moved. A sale we cannot cover is an oversell of its channel.
     */
    @Test
    void onABurstTheAutoChannelOversellsLessThanAFixedZeroOne() {
        double perSecond = 2;
        double lagSeconds = 2;
        int buffer = AutoBuffer.of(perSecond * 86_400, (long) (lagSeconds * 1000), true, 2, null, AT)
                .buffer();
        assertThat(buffer).isEqualTo(8);

        int[] oversold = new int[2];
        Random random = new Random(7);
        int runs = 200;
        for (int run = 0; run < runs; run++) {
            int[] once = burst(20, new int[] {0, buffer}, perSecond, lagSeconds, random);
            oversold[0] += once[0];
            oversold[1] += once[1];
        }

        // the README reports these counts (200 bursts of 20 units)
        assertThat(oversold[1])
                .as("AUTO oversold, FIXED-0 oversold %d", oversold[0])
                .isLessThan(oversold[0] / 2);
    }

    /** Oversells per channel of one burst on {@code stock} units, in steps of 10 ms. */
    private static int[] burst(int stock, int[] buffers, double perSecond, double lagSeconds, Random random) {
        double step = 0.01;
        int available = stock;
        int[] shown = {stock - buffers[0], stock - buffers[1]};
        int[] oversold = new int[2];
        // pushes in flight: when they land and what available they carry
        Deque<double[]> pushes = new ArrayDeque<>();
        for (double t = 0; t < 60; t += step) {
            while (!pushes.isEmpty() && pushes.peekFirst()[0] <= t) {
                int carried = (int) pushes.pollFirst()[1];
                for (int c = 0; c < 2; c++) {
                    shown[c] = Math.max(0, carried - buffers[c]);
                }
            }
            for (int c = 0; c < 2; c++) {
                if (shown[c] > 0 && random.nextDouble() < perSecond * step) {
                    shown[c]--;
                    if (available > 0) {
                        available--;
                        pushes.addLast(new double[] {t + lagSeconds, available});
                    } else {
                        oversold[c]++;
                    }
                }
            }
        }
        return oversold;
    }
}
