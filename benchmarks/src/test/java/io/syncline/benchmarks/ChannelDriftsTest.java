package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conflict figures: where the drifts go, how each is matched to its conflict and re-push, and the report. */
class ChannelDriftsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String SHOPIFY = ChannelBenchmark.SHOPIFY;
    private static final String TIKTOK = ChannelBenchmark.TIKTOK;

    @Test
    void everyDriftHasAListingOfItsOwnAndEveryFifthIsLarge() {
        List<String> skus = List.of("A", "B", "C", "D");

        List<ChannelDrifts.Planned> plan = ChannelDrifts.plan(8, List.of(SHOPIFY, TIKTOK), skus);

        Set<String> listings = new HashSet<>();
        plan.forEach(p -> listings.add(p.shop() + "/" + p.sku()));
        assertThat(listings).hasSize(8);
        assertThat(plan).extracting(ChannelDrifts.Planned::shop).containsSequence(SHOPIFY, TIKTOK, SHOPIFY, TIKTOK);
        assertThat(plan).extracting(ChannelDrifts.Planned::delta).containsExactly(1, 2, 1, 2, 20, 1, 2, 1);
        assertThat(plan.get(4).large()).isTrue();
        assertThat(plan.stream().filter(ChannelDrifts.Planned::large)).hasSize(1);
        assertThatThrownBy(() -> ChannelDrifts.plan(9, List.of(SHOPIFY, TIKTOK), skus))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void driftsAreBoundedByTheListingsAndTheSettleTimeIsPassedOn() {
        ChannelOptions defaults = ChannelOptions.parse(new String[0], Map.of());
        ChannelOptions set = ChannelOptions.parse(new String[] {"--drifts=4", "--conflict-settle=2s"}, Map.of());

        assertThat(defaults.drifts()).isEqualTo(30);
        assertThat(defaults.conflictSettle()).isNull();
        assertThat(defaults.conflictSettleOrDefault()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.conflictSettle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(set.conflictSettleText()).isEqualTo("2000 ms (--conflict-settle)");
        assertThatThrownBy(() -> ChannelOptions.parse(new String[] {"--drifts=41"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachDriftIsTimedToItsConflictItsResolutionAndTheNextPushOfItsShop() {
        List<ChannelDrifts.Drift> drifts = List.of(
                drift(SHOPIFY, "A", 0, false),
                drift(TIKTOK, "B", 1_000, false),
                drift(SHOPIFY, "C", 2_000, true),
                drift(TIKTOK, "D", 3_000, false));
        List<ChannelDrifts.Conflict> conflicts = List.of(
                // A: detected after the settle time, resolved by rule 40 ms later, re-pushed 300 ms after that
                conflict("c1", SHOPIFY, "A", 5_100, "rule:STOCK_MISMATCH", 5_140),
                // B: an order's push had put the shop back before; the re-push follows the resolution by 100 ms
                conflict("c2", TIKTOK, "B", 6_200, "rule:STOCK_MISMATCH", 6_260),
                // C: large, stays open
                conflict("c3", SHOPIFY, "C", 7_050, null, -1),
                // detected before D was made: not D's
                conflict("c4", TIKTOK, "D", 2_500, null, -1));
        Map<String, List<ChannelLatency.Push>> pushes = Map.of(
                SHOPIFY,
                List.of(push("A", -500), push("A", 5_440), push("A", 9_000), push("C", 2_300)),
                TIKTOK,
                List.of(push("B", 1_500), push("B", 6_360)));

        ChannelDrifts.Figures f = ChannelDrifts.figures(drifts, conflicts, pushes, T0.plusSeconds(20));

        assertThat(f.drifts).isEqualTo(4);
        assertThat(f.large).isEqualTo(1);
        assertThat(f.detected).isEqualTo(3);
        assertThat(f.autoResolved).isEqualTo(2);
        assertThat(f.open).isEqualTo(1);
        assertThat(f.noConflict).isEqualTo(1);
        assertThat(f.smallNotAutoResolved).isZero();
        assertThat(f.largeResolved).isZero();
        assertThat(f.otherConflicts).containsExactly(Map.entry("STOCK_MISMATCH", 1L));
        assertThat(f.pushedBeforeResolution).isEqualTo(1);
        assertThat(f.notRepushed).isZero();
        assertThat(f.detectMillis(50)).isBetween(5_090.0, 5_110.0);
        assertThat(f.detectMillis(99)).isBetween(5_190.0, 5_210.0);
        assertThat(f.resolveMillis(50)).isBetween(39.0, 41.0);
        assertThat(f.resolveMillis(99)).isBetween(59.0, 61.0);
        assertThat(f.repushMillis(50)).isBetween(99.0, 101.0);
        assertThat(f.repushMillis(99)).isBetween(299.0, 301.0);
        assertThat(f.resolvedShownMillis(99)).isBetween(339.0, 341.0);
    }

    @Test
    void aResolutionNeverPushedCountsAsLongerThanTheRun() {
        List<ChannelDrifts.Drift> drifts = List.of(drift(SHOPIFY, "A", 0, false));
        List<ChannelDrifts.Conflict> conflicts =
                List.of(conflict("c1", SHOPIFY, "A", 5_100, "rule:STOCK_MISMATCH", 5_140));

        ChannelDrifts.Figures f = ChannelDrifts.figures(drifts, conflicts, Map.of(), T0.plusSeconds(20));

        assertThat(f.notRepushed).isEqualTo(1);
        assertThat(f.repushMillis(99)).isInfinite();
    }

    @Test
    void theReportPrintsTheConflictFiguresFromTheRecordsFile(@TempDir Path dir) throws Exception {
        ChannelRecords records = records(new ChannelDrifts.Run(
                "5 s (the default)",
                List.of(drift(SHOPIFY, "A", 0, false), drift(TIKTOK, "B", 1_000, true)),
                List.of(
                        view("c1", SHOPIFY, "A", 5_100, "rule:STOCK_MISMATCH", 5_140),
                        view("c2", TIKTOK, "B", 6_050, null, -1)),
                T0.plusSeconds(20)));
        Path file = dir.resolve("records.json");
        records.write(file);

        ChannelRecords read = ChannelRecords.read(file);
        ChannelDrifts.Figures f = ChannelBenchmark.conflictFigures(read);
        String printed = print(read.conflicts().settleAfter(), f);

        assertThat(f.autoResolved).isEqualTo(1);
        assertThat(f.open).isEqualTo(1);
        assertThat(printed)
                .contains("2 drifts made in the shops during the window (1 small of +1..+2 units, 1 of +20)")
                .containsPattern("resolved by a rule \\(small not: 0\\) +1")
                .containsPattern("left open \\(large resolved: 0\\) +1")
                .containsPattern("settle time \\(by design\\) +5 s \\(the default\\)")
                .containsPattern("\\(1\\) drift -> conflict detected p50 / p99 \\(ms\\) +50\\d\\d / 51\\d\\d")
                .containsPattern("\\(2\\) detected -> resolved by rule p50 / p99 \\(ms\\) +40 / 40")
                .containsPattern("\\(3\\) resolved -> pushed again p50 / p99 \\(ms\\) +260 / 260")
                .contains("(detected -> pushed again, p99): MET");
    }

    @Test
    void recordsOfARunBeforeTheConflictFiguresReportNoDrifts() {
        String printed = print("-", new ChannelDrifts.Figures());

        assertThat(printed).contains("Conflicts: no drifts made");
    }

    @Test
    void aRunWhoseConflictsCouldNotBeReadSaysSo() {
        ChannelRecords records = records(new ChannelDrifts.Run(
                "5 s (the default)", List.of(drift(SHOPIFY, "A", 0, false)), null, T0.plusSeconds(20)));

        String printed = print("5 s (the default)", ChannelBenchmark.conflictFigures(records));

        assertThat(printed).contains("1 drifts made, but the application's conflicts could not be read");
    }

    private static String print(String settleAfter, ChannelDrifts.Figures f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChannelReport.printConflicts(new PrintStream(bytes, true, StandardCharsets.UTF_8), settleAfter, f);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ChannelRecords records(ChannelDrifts.Run run) {
        List<ShopRequests.Entry> shopify = List.of(
                new ShopRequests.Entry(T0.plusMillis(5_400), "inventorySetQuantities", "applied", Map.of("A", 7)));
        return new ChannelRecords(
                "header",
                T0,
                T0.plusSeconds(10),
                T0.plusSeconds(12),
                Map.of(),
                Map.of(SHOPIFY, List.of(), TIKTOK, List.of()),
                0,
                0,
                "",
                "",
                List.of(),
                Map.of(SHOPIFY, List.of(), TIKTOK, List.of()),
                Map.of(SHOPIFY, shopify, TIKTOK, List.of()),
                Map.of(SHOPIFY, List.of(), TIKTOK, List.of()),
                0,
                0,
                0,
                "syncline.log",
                0,
                0,
                List.of(),
                run);
    }

    private static ChannelDrifts.Drift drift(String shop, String sku, long millis, boolean large) {
        return new ChannelDrifts.Drift(shop, sku, T0.plusMillis(millis), 100, large ? 120 : 101, large);
    }

    private static ChannelDrifts.Conflict conflict(
            String id, String channel, String sku, long detected, String by, long resolved) {
        return ChannelDrifts.Conflict.of(view(id, channel, sku, detected, by, resolved));
    }

    /** A conflict as GET /api/conflicts lists it. */
    private static JsonNode view(String id, String channel, String sku, long detected, String by, long resolved) {
        ObjectNode c = JsonHttp.JSON.createObjectNode();
        c.put("conflictId", id);
        c.put("kind", "STOCK_MISMATCH");
        c.put("status", resolved < 0 ? "OPEN" : "RESOLVED");
        c.put("severity", "NORMAL");
        c.put("sku", sku);
        c.putNull("orderId");
        c.put("channel", channel);
        c.put("ours", 100);
        c.put("theirs", 101);
        c.put("detectedAt", T0.plusMillis(detected).toString());
        if (resolved < 0) {
            c.putNull("resolution");
            c.putNull("resolvedBy");
            c.putNull("resolvedAt");
        } else {
            c.put("resolution", "KEEP_OURS");
            c.put("resolvedBy", by);
            c.put("resolvedAt", T0.plusMillis(resolved).toString());
        }
        return c;
    }

    private static ChannelLatency.Push push(String sku, long millis) {
        return new ChannelLatency.Push(sku, T0.plusMillis(millis), 7);
    }
}
