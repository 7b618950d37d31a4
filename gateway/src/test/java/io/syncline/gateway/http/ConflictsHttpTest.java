package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.api.conflicts.Resolution;
import io.syncline.platform.test.ApiClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The conflicts edge against a stand-in conflict service on Axon's local buses. */
class ConflictsHttpTest extends EdgeTest {

    @Autowired
    FakeConflicts conflicts;

    @Test
    void showsAConflictWithItsSidesAsValuesAndItsHistory() {
        String id = conflicts.stockMismatch("m1", "shop-a", unique("MUG"), 5, 3);
        ApiClient.Response r = vera.get("/api/conflicts/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "conflictId",
                        "kind",
                        "status",
                        "severity",
                        "sku",
                        "orderId",
                        "channel",
                        "ours",
                        "theirs",
                        "detectedAt",
                        "resolution",
                        "resolvedBy",
                        "resolvedAt",
                        "history");
        assertThat(c.path("ours").isInt()).isTrue();
        assertThat(c.path("ours").asInt()).isEqualTo(5);
        assertThat(c.path("theirs").asInt()).isEqualTo(3);
        assertThat(c.path("status").asText()).isEqualTo("OPEN");
        JsonNode detected = c.path("history").get(0);
        assertThat(detected.path("what").asText()).isEqualTo("DETECTED");
        assertThat(detected.path("detail").path("ours").asInt()).isEqualTo(5);
        assertThat(detected.path("detail").path("evidence").path("deliveryId").asText())
                .isEqualTo("d-1");

        String order = conflicts.statusMismatch("m1", "shop-a", unique("o"), "SHIPPED", "CANCELLED");
        JsonNode status = alice.get("/api/conflicts/" + order).json();
        assertThat(status.path("ours").asText()).isEqualTo("SHIPPED");
        assertThat(status.path("theirs").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void answers404ForUnknownIdsAndOtherMerchantsConflicts() {
        String id = conflicts.stockMismatch("m1", "shop-a", unique("CAP"), 5, 3);
        assertProblem(bob.get("/api/conflicts/" + id), 404);
        assertProblem(alice.get("/api/conflicts/" + java.util.UUID.randomUUID()), 404);
        assertProblem(alice.get("/api/conflicts/not%20an%20id"), 404);
        assertProblem(
                bob.post("/api/conflicts/" + id + "/resolution", Map.of("action", "KEEP_OURS", "note", "ours")), 404);
        assertThat(conflicts.resolutions).noneMatch(c -> c.conflictId().equals(id));
    }

    @Test
    void listsByFiltersAndRefusesUnknownEnumsNamingTheField() {
        String channel = unique("shop");
        String sku = unique("TEE");
        String stock = conflicts.stockMismatch("m1", channel, sku, 5, 9);
        String order = conflicts.statusMismatch("m1", channel, unique("o"), "SHIPPED", "CANCELLED");
        JsonNode page = alice.get("/api/conflicts?channel=" + channel + "&kind=stock_mismatch&status=OPEN")
                .json();
        assertThat(page.path("items").findValuesAsText("conflictId")).containsExactly(stock);
        assertThat(page.path("items").get(0).has("history")).isFalse();
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(alice.get("/api/conflicts?channel=" + channel)
                        .json()
                        .path("items")
                        .findValuesAsText("conflictId"))
                .containsExactlyInAnyOrder(stock, order);

        assertValidation(alice.get("/api/conflicts?status=CLOSED"), "status");
        assertValidation(alice.get("/api/conflicts?kind=BROKEN"), "kind");
        assertValidation(alice.get("/api/conflicts?size=0"), "size");
        assertValidation(alice.get("/api/conflicts?channel=a%20b"), "channel");
        assertThat(alice.get("/api/conflicts?channel=&status=").status()).isEqualTo(200);
    }

    @Test
    void resolvesAndAnswersTheConflictOnceTheReadModelShowsIt() {
        String id = conflicts.stockMismatch("m1", "shop-a", unique("MUG"), 5, 3);
        ApiClient.Response r = alice.post(
                "/api/conflicts/" + id + "/resolution",
                Map.of("action", "SET_VALUE", "value", 7, "note", "counted the shelf"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("RESOLVED");
        assertThat(r.json().path("resolution").asText()).isEqualTo("SET_VALUE");
        assertThat(r.json().path("resolvedBy").asText()).isEqualTo("alice");
        assertThat(r.json().path("history").findValuesAsText("what")).containsExactly("DETECTED", "RESOLVED");
        assertThat(conflicts.resolutions)
                .filteredOn(c -> c.conflictId().equals(id))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.merchantId()).isEqualTo("m1");
                    assertThat(c.resolution()).isEqualTo(Resolution.SET_VALUE);
                    assertThat(c.value()).isEqualTo(7);
                    assertThat(c.note()).isEqualTo("counted the shelf");
                    assertThat(c.user()).isEqualTo("alice");
                });

        // once resolved it is not open any more
        ApiClient.Response again =
                alice.post("/api/conflicts/" + id + "/resolution", Map.of("action", "KEEP_OURS", "note", "again"));
        assertProblem(again, 409);
    }

    @Test
    void refusesResolutionsThatDoNotFit() {
        String stock = conflicts.stockMismatch("m1", "shop-a", unique("MUG"), 5, 3);
        String path = "/api/conflicts/" + stock + "/resolution";
        assertValidation(alice.post(path, Map.of("action", "SET_VALUE", "note", "n")), "value");
        assertValidation(alice.post(path, Map.of("action", "SET_VALUE", "value", -1, "note", "n")), "value");
        assertValidation(alice.post(path, Map.of("action", "SET_VALUE", "value", "7", "note", "n")), "value");
        assertValidation(alice.post(path, Map.of("action", "KEEP_OURS", "value", 3, "note", "n")), "value");
        assertValidation(alice.post(path, Map.of("action", "THROW_AWAY", "note", "n")), "action");
        assertValidation(alice.post(path, Map.of("note", "no action")), "action");
        assertProblem(alice.post(path, "[1, 2]"), 400);

        String order = conflicts.statusMismatch("m1", "shop-a", unique("o"), "SHIPPED", "CANCELLED");
        assertValidation(
                alice.post(
                        "/api/conflicts/" + order + "/resolution",
                        Map.of("action", "SET_VALUE", "value", 1, "note", "n")),
                "action");
        assertThat(conflicts.resolutions)
                .noneMatch(c -> c.conflictId().equals(stock) || c.conflictId().equals(order));
    }

    @Test
    void refusesAResolutionWithoutANoteNamingTheField() {
        String id = conflicts.stockMismatch("m1", "shop-a", unique("MUG"), 5, 3);
        String path = "/api/conflicts/" + id + "/resolution";
        assertValidation(alice.post(path, Map.of("action", "KEEP_OURS")), "note");
        assertValidation(alice.post(path, Map.of("action", "KEEP_OURS", "note", "  ")), "note");
        assertValidation(alice.post(path, "{\"action\": \"KEEP_OURS\", \"note\": null}"), "note");
        assertValidation(alice.post(path, Map.of("action", "KEEP_OURS", "note", "x".repeat(501))), "note");
        assertThat(conflicts.resolutions).noneMatch(c -> c.conflictId().equals(id));
        assertThat(alice.get("/api/conflicts/" + id).json().path("status").asText())
                .isEqualTo("OPEN");
    }

    @Test
    void passesOnTheEffectsRefusalWithItsDetail() {
        String id = conflicts.stockMismatch("m1", "shop-a", unique("MUG"), 5, 3);
        ApiClient.Response r = alice.post(
                "/api/conflicts/" + id + "/resolution", Map.of("action", "ACCEPT_THEIRS", "note", "refuse-me"));
        assertProblem(r, 409);
        assertThat(r.json().path("detail").asText()).contains("reserved");
        assertThat(alice.get("/api/conflicts/" + id).json().path("status").asText())
                .isEqualTo("OPEN");
    }

    @Test
    void viewersReadButCannotResolve() {
        String id = conflicts.stockMismatch("m1", "shop-a", unique("MUG"), 5, 3);
        assertThat(vera.get("/api/conflicts").status()).isEqualTo(200);
        assertThat(vera.get("/api/conflicts/summary").status()).isEqualTo(200);
        assertProblem(
                vera.post("/api/conflicts/" + id + "/resolution", Map.of("action", "KEEP_OURS", "note", "n")), 403);
        assertThat(conflicts.resolutions).noneMatch(c -> c.conflictId().equals(id));
    }

    @Test
    void summarisesTheOpenConflictsOfTheMerchantOnly() {
        String id = conflicts.stockMismatch("m2", "shop-b", unique("MUG"), 1, 4);
        JsonNode summary = bob.get("/api/conflicts/summary").json();
        assertThat(summary.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("open", "high", "oldestOpenAt", "openByKind");
        assertThat(summary.path("open").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.path("openByKind").path("STOCK_MISMATCH").asLong()).isGreaterThanOrEqualTo(1);
        bob.post("/api/conflicts/" + id + "/resolution", Map.of("action", "KEEP_OURS", "note", "ours"));
        assertThat(bob.get("/api/conflicts/summary").json().path("open").asLong())
                .isEqualTo(summary.path("open").asLong() - 1);
    }

    @Test
    void onlyAnAdminReadsAndSetsRules() {
        ApiClient root = login("root");
        assertProblem(alice.get("/api/conflicts/rules"), 403);
        assertProblem(vera.get("/api/conflicts/rules"), 403);
        assertProblem(alice.put("/api/conflicts/rules", Map.of("rules", List.of())), 403);
        assertProblem(alice.post("/api/conflicts/rules/what-if", whatIf(List.of())), 403);

        JsonNode defaults = root.get("/api/conflicts/rules").json();
        assertThat(defaults.path("defaults").asBoolean()).isTrue();
        assertThat(defaults.path("rules").get(0).path("kind").asText()).isEqualTo("STOCK_MISMATCH");
        assertThat(defaults.path("rules").get(0).path("maxDifference").asInt()).isEqualTo(2);

        List<Map<String, Object>> rules = List.of(
                Map.of("kind", "STOCK_MISMATCH", "maxDifference", 5, "action", "ACCEPT_THEIRS"),
                Map.of("kind", "STATUS_MISMATCH", "action", "OPEN"));
        ApiClient.Response put = root.put("/api/conflicts/rules", Map.of("rules", rules));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("defaults").asBoolean()).isFalse();
        JsonNode read = root.get("/api/conflicts/rules").json();
        assertThat(read.path("rules").findValuesAsText("action")).containsExactly("ACCEPT_THEIRS", "OPEN");
    }

    @Test
    void rulesProblemsNameTheRuleAndItsField() {
        ApiClient root = login("root");
        assertValidation(
                root.put("/api/conflicts/rules", Map.of("rules", List.of(Map.of("kind", "NOPE", "action", "OPEN")))),
                "rules[0].kind");
        assertValidation(
                root.put(
                        "/api/conflicts/rules",
                        Map.of(
                                "rules",
                                List.of(
                                        Map.of("kind", "OVERSOLD", "action", "OPEN"),
                                        Map.of("kind", "STOCK_MISMATCH")))),
                "rules[1].action");
        assertValidation(
                root.put(
                        "/api/conflicts/rules",
                        Map.of(
                                "rules",
                                List.of(Map.of("kind", "STOCK_MISMATCH", "maxDifference", -1, "action", "OPEN")))),
                "rules[0].maxDifference");
        assertValidation(
                root.put(
                        "/api/conflicts/rules",
                        Map.of(
                                "rules",
                                List.of(Map.of("kind", "DUPLICATE_ORDER", "maxDifference", 2, "action", "KEEP_OURS")))),
                "rules[0].maxDifference");
        assertValidation(root.put("/api/conflicts/rules", Map.of()), "rules");
    }

    @Test
    void whatIfAnswersTheCountsOfTheWindow() {
        ApiClient root = login("root");
        Instant from = Instant.now().minusSeconds(1);
        String small = conflicts.stockMismatch("m1", "shop-w", unique("MUG"), 5, 6);
        conflicts.stockMismatch("m1", "shop-w", unique("MUG"), 5, 50);
        Instant to = Instant.now().plusSeconds(1);
        Map<String, Object> body = Map.of(
                "rules",
                List.of(Map.of("kind", "STOCK_MISMATCH", "maxDifference", 2, "action", "KEEP_OURS")),
                "from",
                from.toString(),
                "to",
                to.toString());
        ApiClient.Response r = root.post("/api/conflicts/rules/what-if", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode w = r.json();
        assertThat(w.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("evaluated", "wouldResolve", "wouldOpen", "byKind", "changed");
        assertThat(w.path("evaluated").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(w.path("byKind").path("STOCK_MISMATCH").path("wouldResolve").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(w.path("changed").toString()).contains(small);

        assertValidation(
                root.post(
                        "/api/conflicts/rules/what-if",
                        Map.of("rules", List.of(), "from", to.toString(), "to", from.toString())),
                "to");
        assertValidation(root.post("/api/conflicts/rules/what-if", Map.of("rules", List.of())), "from");
    }

    private static Map<String, Object> whatIf(List<Object> rules) {
        return Map.of("rules", rules, "from", "2030-01-01T00:00:00Z", "to", "2030-01-02T00:00:00Z");
    }
}
