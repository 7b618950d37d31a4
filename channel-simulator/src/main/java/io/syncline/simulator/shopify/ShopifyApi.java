package io.syncline.simulator.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.simulator.ShopKind;
import io.syncline.simulator.ShopifyThrottle;
import io.syncline.simulator.http.HttpProblem;
import io.syncline.simulator.http.Json;
import io.syncline.simulator.http.Reply;
import io.syncline.simulator.http.Request;
import io.syncline.simulator.shops.Faults;
import io.syncline.simulator.shops.RateBucket;
import io.syncline.simulator.shops.Shop;
import io.syncline.simulator.shops.Shops;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Shopify's GraphQL Admin API of each Shopify shop at {@code /shopify/<shop>/admin/api/<version>/graphql.json}:
 * the access token checked, the cost-based throttle applied (every answer carries {@code extensions.cost}), then
 * {@code inventorySetQuantities} or the {@code inventoryItem} read. The shop's faults (down, slow) come first.
 */
public final class ShopifyApi implements Function<Request, Reply> {

    public static final String PREFIX = "/shopify/";
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}|unstable");
    // from 2026-04 Shopify requires the idempotency key and an explicit changeFromQuantity
    private static final String STRICT_FROM = "2026-04";

    private final Shops shops;

    public ShopifyApi(Shops shops) {
        this.shops = shops;
    }

    @Override
    public Reply apply(Request request) {
        List<String> path = request.segmentsAfter(PREFIX);
        if (path.size() != 5
                || !path.get(1).equals("admin")
                || !path.get(2).equals("api")
                || !path.get(4).equals("graphql.json")
                || !VERSION.matcher(path.get(3)).matches()) {
            return notFound();
        }
        Optional<Shop> found = shops.find(path.get(0), ShopKind.SHOPIFY);
        if (found.isEmpty()) {
            return notFound();
        }
        Shop shop = found.get();
        String version = path.get(3);
        Reply reply = answer(shop, version, request).withHeader("X-Shopify-API-Version", version);
        if (reply.hangFor() == null) {
            Optional<Faults.Slow> slow = shop.faults().slow();
            if (slow.isPresent()) {
                reply = reply.delayedBy(slow.get().delay());
            }
        }
        return reply;
    }

    private Reply answer(Shop shop, String version, Request request) {
        Optional<Faults.Down> down = shop.faults().down();
        if (down.isPresent()) {
            log(
                    shop,
                    "request",
                    down.get().mode() == Faults.DownMode.UNAVAILABLE ? "unavailable" : "no-answer",
                    Map.of());
            if (down.get().mode() == Faults.DownMode.NO_ANSWER) {
                return Reply.hang(remaining(shop, down.get()));
            }
            ObjectNode body = Json.object();
            body.put("errors", "Service Unavailable");
            return Reply.json(503, body);
        }
        if (!request.method().equals("POST")) {
            ObjectNode body = Json.object();
            body.put("errors", "GraphQL requests are POSTed");
            return Reply.json(405, body).withHeader("Allow", "POST");
        }
        String token = request.header("X-Shopify-Access-Token");
        if (token == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8),
                        shop.config().accessToken().getBytes(StandardCharsets.UTF_8))) {
            log(shop, "request", "unauthorized", Map.of());
            ObjectNode body = Json.object();
            body.put("errors", "[API] Invalid API key or access token (unrecognized login or wrong password)");
            return Reply.json(401, body);
        }
        JsonNode body;
        String type = request.header("Content-Type");
        if (type != null && type.startsWith("application/graphql")) {
            // Shopify also takes the bare document as the body
            body = Json.object().put("query", new String(request.body(), StandardCharsets.UTF_8));
        } else {
            try {
                body = Json.read(request.body());
            } catch (HttpProblem unreadable) {
                ObjectNode errors = Json.object();
                errors.putObject("errors").put("query", "Required parameter missing or invalid");
                return Reply.json(400, errors);
            }
        }
        JsonNode query = body.get("query");
        if (query == null || !query.isTextual()) {
            ObjectNode errors = Json.object();
            errors.putObject("errors").put("query", "Required parameter missing or invalid");
            return Reply.json(400, errors);
        }
        GraphQlDocument document = new GraphQlDocument(query.textValue(), body.get("variables"));
        GraphQlDocument.Operation operation = document.operation();
        ShopifyThrottle throttle = shop.config().throttle();
        int cost =
                switch (operation) {
                    case INVENTORY_SET_QUANTITIES -> throttle.mutationCost();
                    case INVENTORY_ITEM -> throttle.queryCost();
                    case UNKNOWN -> 1;
                };
        String name =
                switch (operation) {
                    case INVENTORY_SET_QUANTITIES -> "inventorySetQuantities";
                    case INVENTORY_ITEM -> "inventoryItem";
                    case UNKNOWN -> document.firstField();
                };
        RateBucket.Level level = shop.bucket().take(cost);
        if (!level.granted()) {
            log(shop, name, "throttled", Map.of());
            ObjectNode throttled = Json.object();
            ObjectNode error = throttled.putArray("errors").addObject();
            error.put("message", "Throttled");
            ObjectNode extensions = error.putObject("extensions");
            extensions.put("code", "THROTTLED");
            extensions.put("documentation", "https://shopify.dev/api/usage/rate-limits");
            throttled.set("extensions", cost(cost, null, level));
            return Reply.json(200, throttled);
        }
        boolean strict = version.equals("unstable") || version.compareTo(STRICT_FROM) >= 0;
        ShopifyInventory.Outcome outcome =
                switch (operation) {
                    case INVENTORY_SET_QUANTITIES -> ShopifyInventory.set(shop, document, strict, strict);
                    case INVENTORY_ITEM -> ShopifyInventory.item(shop, document);
                    case UNKNOWN ->
                        ShopifyInventory.Outcome.error(
                                "Field '" + name + "' doesn't exist on type '"
                                        + (query.textValue().strip().startsWith("mutation") ? "Mutation" : "QueryRoot")
                                        + "': this simulator serves inventorySetQuantities and inventoryItem",
                                "undefinedField",
                                "unknown-field");
                };
        log(shop, name, outcome.outcome(), outcome.quantities());
        ObjectNode answer = Json.object();
        if (outcome.errors() != null) {
            answer.set("errors", outcome.errors());
        } else {
            answer.set("data", outcome.data());
        }
        answer.set("extensions", cost(cost, cost, level));
        return Reply.json(200, answer);
    }

    private static ObjectNode cost(int requested, Integer actual, RateBucket.Level level) {
        ObjectNode extensions = Json.object();
        ObjectNode cost = extensions.putObject("cost");
        cost.put("requestedQueryCost", requested);
        if (actual == null) {
            cost.putNull("actualQueryCost");
        } else {
            cost.put("actualQueryCost", actual);
        }
        ObjectNode status = cost.putObject("throttleStatus");
        status.put("maximumAvailable", level.maximum());
        status.put("currentlyAvailable", (long) Math.floor(level.available()));
        status.put("restoreRate", level.restoreRate());
        return extensions;
    }

    private static Duration remaining(Shop shop, Faults.Down down) {
        Duration left = Duration.between(shop.clock().instant(), down.until());
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }

    private static void log(Shop shop, String operation, String outcome, Map<String, Integer> quantities) {
        shop.pushes().request(shop.clock().instant(), operation, outcome, quantities);
    }

    private static Reply notFound() {
        ObjectNode body = Json.object();
        body.put("errors", "Not Found");
        return Reply.json(404, body);
    }
}
