package io.syncline.it;

import static io.syncline.it.ConflictScenario.BUFFERS;
import static io.syncline.it.ConflictScenario.awaitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.it.ConflictScenario.Injected;
import io.syncline.it.ConflictScenario.Run;
import io.syncline.platform.test.ApiClient;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Conflicts end to end, driven by the channel simulator over real HTTP on PostgreSQL: 1,000 orders over a Shopify
 * and a TikTok shop with drift, duplicate orders with other lines, cancellations after shipment and a burst that
 * oversells Shopify made on purpose (see {@link ConflictScenario}); each becomes exactly one conflict of its kind,
 * the default rules resolve the routine ones, an operator the rest, and every shop ends showing ours less its
 * buffer. The run is played once for both tests.
 */
@TestPropertySource(
        properties = {
            // TikTok tells of no stock change: its drift is seen only by reading it back
            "syncline.channels.reconcile-interval=3s",
            // our books may trail a shop's own sale by seconds on a busy two-core machine
            "syncline.conflicts.settle-after=8s",
            "syncline.channels.push.shopify-rate=40",
            "syncline.channels.push.tiktok-rate=40",
            "syncline.channels.deliveries.retry.initial-interval=300ms",
            "syncline.gateway.rate-limit.capacity=1000000"
        })
class ConflictFlowsIT extends StandaloneIntegrationTest {

    private static ChannelSimulator simulator;
    private static ConflictScenario scenario;
    private static Run played;
    private static Throwable failed;

    @BeforeAll
    static void simulator() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private ApiClient root() {
        return client().login("root", "secret");
    }

    private Run run() throws Exception {
        synchronized (ConflictFlowsIT.class) {
            if (failed != null) {
                throw new AssertionError("the run failed: " + failed.getMessage(), failed);
            }
            if (played == null) {
                scenario = new ConflictScenario(port, root(), simulator);
                try {
                    played = scenario.play();
                } catch (Exception | AssertionError e) {
                    failed = e;
                    throw e;
                }
            }
            return played;
        }
    }

    @Test
    void everyDisagreementIsOneConflictTheRulesResolveTheRoutineOnesAndOnceTheRestAreResolvedEveryShopShowsOurs()
            throws Exception {
        Run run = run();
        List<JsonNode> conflicts = run.conflicts();
        String all = conflicts.stream().map(JsonNode::toString).collect(Collectors.joining("\n"));
        ApiClient reader = root();
        String others = conflicts.stream()
                .filter(c -> run.injected().stream().noneMatch(i -> i.isConflict(c)))
                .map(c -> reader.get("/api/conflicts/" + c.path("conflictId").asText())
                                .body()
                        + scenario.trail(
                                c.path("channel").asText(), c.path("sku").asText()))
                .collect(Collectors.joining("\n"));
        assertThat(others).as("conflicts beyond those made on purpose").isEmpty();
        assertThat(conflicts)
                .as("every conflict is one made on purpose:\n%s", all)
                .hasSize(run.injected().size());
        for (Injected i : run.injected()) {
            List<JsonNode> of = conflicts.stream().filter(i::isConflict).toList();
            assertThat(of).as("the conflicts of %s among\n%s", i, all).hasSize(1);
            JsonNode c = of.get(0);
            assertThat(side(c.path("ours"))).as("ours of %s", i).isEqualTo(i.ours());
            assertThat(side(c.path("theirs"))).as("theirs of %s", i).isEqualTo(i.theirs());
            if (!i.kind().equals("STOCK_MISMATCH")) {
                assertThat(c.path("orderId").asText()).isEqualTo(i.orderId());
            }
            if (i.sku() != null) {
                assertThat(c.path("sku").asText()).isEqualTo(i.sku());
            }
            if (i.byRule()) {
                assertThat(c.path("status").asText()).as("%s", i).isEqualTo("RESOLVED");
                assertThat(c.path("resolvedBy").asText()).as("%s", i).isEqualTo("rule:" + i.kind());
                assertThat(c.path("resolution").asText()).as("%s", i).isEqualTo("KEEP_OURS");
            } else {
                assertThat(c.path("status").asText()).as("%s", i).isEqualTo("OPEN");
            }
        }

        ApiClient alice = client().login("alice", "secret");
        Set<String> decided = new HashSet<>();
        Map<String, Integer> accepted = new LinkedHashMap<>();
        for (JsonNode c : scenario.conflicts()) {
            if (!c.path("status").asText().equals("OPEN")) {
                continue;
            }
            String kind = c.path("kind").asText();
            // the first of each kind accepts the channel's side, the others keep ours
            boolean accept = decided.add(kind);
            ApiClient.Response r = alice.post(
                    "/api/conflicts/" + c.path("conflictId").asText() + "/resolution",
                    Map.of("action", accept ? "ACCEPT_THEIRS" : "KEEP_OURS", "note", "decided by the flows test"));
            assertThat(r.status()).as("resolving %s: %s", c, r.body()).isIn(200, 202);
            if (accept && kind.equals("STOCK_MISMATCH")) {
                int difference = c.path("theirs").asInt() - c.path("ours").asInt();
                accepted.put(c.path("sku").asText(), difference);
                JsonNode resolved = resolvedEntry(alice, c);
                assertThat(resolved.path("onHandAfter").asInt()
                                - resolved.path("onHandBefore").asInt())
                        .as("on-hand moved by the accepted difference: %s", resolved)
                        .isEqualTo(difference);
            }
            if (accept && kind.equals("STATUS_MISMATCH")) {
                // a shipped order cannot be cancelled: the decision is recorded, the order stays shipped
                assertThat(orderStatus(alice, c.path("orderId").asText())).isEqualTo("SHIPPED");
                assertThat(resolvedEntry(alice, c).path("effect").asText()).contains("not applied");
            }
        }
        awaitFor(
                () -> scenario.conflicts().stream()
                        .allMatch(c -> c.path("status").asText().equals("RESOLVED")),
                "every conflict resolved");
        assertThat(alice.get("/api/conflicts/summary").json().path("open").asLong())
                .isZero();
        for (JsonNode c : scenario.conflicts()) {
            if (!c.path("resolvedBy").asText().startsWith("rule:")) {
                assertThat(c.path("resolvedBy").asText()).isEqualTo("alice");
            }
        }

        scenario.awaitQuiet();
        awaitFor(() -> notShowingOurs(alice).isEmpty(), () -> "every shop showing ours: " + notShowingOurs(alice));
        for (String sku : scenario.skus()) {
            JsonNode level = alice.get("/api/inventory/" + sku).json();
            int onHand = level.path("onHand").asInt();
            int reserved = level.path("reserved").asInt();
            int available = level.path("available").asInt();
            assertThat(available).as("available of %s", sku).isNotNegative();
            assertThat(reserved + available)
                    .as("reserved + available of %s", sku)
                    .isEqualTo(onHand);
            // accepting a drift moved our on-hand by its difference (nobody buys the drifted SKUs)
            if (accepted.containsKey(sku)) {
                assertThat(onHand)
                        .as("on-hand of %s", sku)
                        .isEqualTo(run.stock().get(sku) + accepted.get(sku));
            }
        }

        Map<String, Long> byKind = new TreeMap<>();
        run.conflicts()
                .forEach(c -> byKind.merge(
                        c.path("kind").asText()
                                + (c.path("resolvedBy").asText().startsWith("rule:") ? " (rule)" : " (open)"),
                        1L,
                        Long::sum));
        System.out.printf(
                "[conflict flows] %d orders over %s and %s, %d conflicts %s, run %.1f s (%s to %s)%n",
                run.orders(),
                ConflictScenario.SHOPIFY,
                ConflictScenario.TIKTOK,
                run.conflicts().size(),
                byKind,
                run.took().toMillis() / 1000.0,
                run.started(),
                run.ended());
    }

    /** The listings whose shop does not show max(0, available − buffer), as "shop sku shows x, wanted y". */
    private List<String> notShowingOurs(ApiClient reader) {
        List<String> off = new ArrayList<>();
        for (String sku : scenario.skus()) {
            int available =
                    reader.get("/api/inventory/" + sku).json().path("available").asInt();
            for (Map.Entry<String, Integer> shop : BUFFERS.entrySet()) {
                int shown = simulator.quantity(shop.getKey(), sku);
                int wanted = Math.max(0, available - shop.getValue());
                if (shown != wanted) {
                    off.add(shop.getKey() + " " + sku + " shows " + shown + ", wanted " + wanted + ", listing "
                            + listing(reader, shop.getKey(), sku) + scenario.trail(shop.getKey(), sku));
                }
            }
        }
        return off;
    }

    /** The detail of a conflict's RESOLVED history entry, once the view shows it. */
    private static JsonNode resolvedEntry(ApiClient reader, JsonNode conflict) {
        String path = "/api/conflicts/" + conflict.path("conflictId").asText();
        awaitFor(() -> reader.get(path).json().path("status").asText().equals("RESOLVED"), path + " resolved");
        for (JsonNode h : reader.get(path).json().path("history")) {
            if (h.path("what").asText().equals("RESOLVED")) {
                return h.path("detail");
            }
        }
        throw new AssertionError("no RESOLVED entry in " + reader.get(path).body());
    }

    /** The listing as Syncline holds it: what it believes the shop shows and what it wants it to show. */
    private static String listing(ApiClient reader, String shop, String sku) {
        for (JsonNode l : root(reader)
                .get("/api/channels/" + shop + "/listings?size=200")
                .json()
                .path("items")) {
            if (l.path("sku").asText().equals(sku)) {
                return l.toString();
            }
        }
        return "none";
    }

    private static ApiClient root(ApiClient any) {
        return any.as("root", "secret");
    }

    private static String orderStatus(ApiClient reader, String orderId) {
        return reader.get("/api/orders/" + orderId).json().path("status").asText();
    }

    /** A side as the test notes it: a number, a status, or units per SKU. */
    private static Object side(JsonNode side) {
        if (side.isNumber()) {
            return side.asInt();
        }
        if (side.isTextual()) {
            return side.asText();
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        side.forEach(l -> lines.merge(l.path("sku").asText(), l.path("quantity").asInt(), Integer::sum));
        return lines;
    }

    @Test
    void whatIfAnswersWhatADirectReplayOfTheRunsConflictsUnderTheRulesGives() throws Exception {
        Run run = run();
        ApiClient root = root();
        List<Detected> detected = new ArrayList<>();
        for (JsonNode c : run.conflicts()) {
            JsonNode full =
                    root.get("/api/conflicts/" + c.path("conflictId").asText()).json();
            JsonNode detail = null;
            for (JsonNode h : full.path("history")) {
                if (h.path("what").asText().equals("DETECTED")) {
                    detail = h.path("detail");
                }
            }
            assertThat(detail).as("the detection of %s", full).isNotNull();
            Integer difference = detail.path("ours").isNumber()
                            && detail.path("theirs").isNumber()
                    ? detail.path("theirs").asInt() - detail.path("ours").asInt()
                    : null;
            // the run's snapshot predates every operator's decision: a resolution then was a rule's at detection
            String happened = c.path("resolvedBy").asText().startsWith("rule:")
                    ? c.path("resolution").asText()
                    : "OPEN";
            detected.add(
                    new Detected(c.path("conflictId").asText(), c.path("kind").asText(), difference, happened));
        }

        List<List<Rule>> proposals = List.of(
                List.of(new Rule("STOCK_MISMATCH", 10, "ACCEPT_THEIRS"), new Rule("DUPLICATE_ORDER", null, "OPEN")),
                List.of(new Rule("STOCK_MISMATCH", 2, "KEEP_OURS"), new Rule("DUPLICATE_ORDER", null, "KEEP_OURS")),
                List.of(
                        // an oversold conflict differs by the units sold beyond ours: 1 here, so this one takes none
                        new Rule("OVERSOLD", 0, "KEEP_OURS"),
                        new Rule("STATUS_MISMATCH", null, "ACCEPT_THEIRS"),
                        new Rule("STOCK_MISMATCH", 12, "OPEN"),
                        new Rule("STOCK_MISMATCH", null, "KEEP_OURS")));
        for (List<Rule> rules : proposals) {
            ApiClient.Response r = root.post(
                    "/api/conflicts/rules/what-if",
                    Map.of(
                            "rules",
                            rules.stream().map(Rule::body).toList(),
                            "from",
                            run.started().toString(),
                            "to",
                            run.ended().toString()));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode answer = r.json();
            Replay replay = Replay.of(detected, rules);
            assertThat(answer.path("evaluated").asLong()).as("%s", rules).isEqualTo(detected.size());
            assertThat(answer.path("wouldResolve").asLong()).as("%s", rules).isEqualTo(replay.resolve());
            assertThat(answer.path("wouldOpen").asLong()).as("%s", rules).isEqualTo(replay.open());
            Map<String, List<Long>> byKind = new TreeMap<>();
            answer.path("byKind").fields().forEachRemaining(k -> {
                if (k.getValue().path("evaluated").asLong() > 0) {
                    byKind.put(
                            k.getKey(),
                            List.of(
                                    k.getValue().path("evaluated").asLong(),
                                    k.getValue().path("wouldResolve").asLong(),
                                    k.getValue().path("wouldOpen").asLong()));
                }
            });
            assertThat(byKind).as("%s", rules).isEqualTo(replay.byKind());
            Set<String> changed = new HashSet<>();
            answer.path("changed").forEach(id -> changed.add(id.asText()));
            assertThat(changed).as("%s", rules).isEqualTo(replay.changed());
        }
        assertThat(Replay.of(detected, proposals.get(1)).changed())
                .as("the defaults change nothing")
                .isEmpty();

        JsonNode before = root.post(
                        "/api/conflicts/rules/what-if",
                        Map.of(
                                "rules",
                                proposals.get(0).stream().map(Rule::body).toList(),
                                "from",
                                run.started().minus(Duration.ofHours(1)).toString(),
                                "to",
                                run.started().toString()))
                .json();
        assertThat(before.path("evaluated").asLong())
                .as("a window before the run")
                .isZero();
        JsonNode rules = root.get("/api/conflicts/rules").json();
        assertThat(rules.path("defaults").asBoolean())
                .as("a what-if sets no rule")
                .isTrue();
    }

    /** A conflict of the run as detection left it: its first difference, and what happened then. */
    private record Detected(String id, String kind, Integer difference, String happened) {}

    private record Rule(String kind, Integer maxDifference, String action) {

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            body.put("maxDifference", maxDifference);
            body.put("action", action);
            return body;
        }

        boolean matches(Detected c) {
            return kind.equals(c.kind())
                    && (maxDifference == null || (c.difference() != null && Math.abs(c.difference()) <= maxDifference));
        }
    }

    /** The rules tried on each conflict by hand, first match wins, none matching leaves it open. */
    private record Replay(long resolve, long open, Map<String, List<Long>> byKind, Set<String> changed) {

        static Replay of(List<Detected> detected, List<Rule> rules) {
            long resolve = 0;
            Map<String, long[]> kinds = new TreeMap<>();
            Set<String> changed = new HashSet<>();
            for (Detected c : detected) {
                String action = rules.stream()
                        .filter(r -> r.matches(c))
                        .map(Rule::action)
                        .findFirst()
                        .orElse("OPEN");
                long[] k = kinds.computeIfAbsent(c.kind(), x -> new long[3]);
                k[0]++;
                if (!action.equals("OPEN")) {
                    resolve++;
                    k[1]++;
                } else {
                    k[2]++;
                }
                if (!action.equals(c.happened())) {
                    changed.add(c.id());
                }
            }
            Map<String, List<Long>> byKind = new TreeMap<>();
            kinds.forEach((kind, k) -> byKind.put(kind, List.of(k[0], k[1], k[2])));
            return new Replay(resolve, detected.size() - resolve, byKind, changed);
        }
    }
}
