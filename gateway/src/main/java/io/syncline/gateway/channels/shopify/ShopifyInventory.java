package io.syncline.gateway.channels.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One shop's stock through Shopify's GraphQL Admin API: {@code inventorySetQuantities} compare-and-set with
 * {@code changeFromQuantity} under an idempotency key, and the inventory level query.
 */
public final class ShopifyInventory {

    static final String SET_QUANTITIES = "mutation SetQuantities($input: InventorySetQuantitiesInput!,"
            + " $idempotencyKey: String!) { inventorySetQuantities(input: $input)"
            + " @idempotent(key: $idempotencyKey) { inventoryAdjustmentGroup { changes { name delta"
            + " quantityAfterChange } } userErrors { code field message } } }";
    static final String READ_LEVEL = "query Level($inventoryItemId: ID!, $locationId: ID!) {"
            + " inventoryItem(id: $inventoryItemId) { inventoryLevel(locationId: $locationId) {"
            + " quantities(names: [\"available\"]) { name quantity } } } }";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final String accessToken;
    private final Duration requestTimeout;
    private volatile Duration waitBeforeNext = Duration.ZERO;

    public ShopifyInventory(
            HttpClient http, String apiBaseUrl, String apiVersion, String accessToken, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http);
        this.endpoint = URI.create(apiBaseUrl.replaceAll("/+$", "") + "/admin/api/" + apiVersion + "/graphql.json");
        this.accessToken = Objects.requireNonNull(accessToken);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
    }

    /** How a set went. */
    public sealed interface Result {

        /** The shop shows the quantity now. */
        record Done() implements Result {}

        /** The shop's quantity was not {@code changeFromQuantity}: it changed on the shop's side meanwhile. */
        record Stale() implements Result {}

        /** The shop's throttle: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Result {}
    }

    /**
     * Sets the available quantity of an item at a location, unless the shop shows other than {@code
     * changeFrom} (null only while we do not know what it shows).
     *
     * @throws ShopifyApiException when the shop refused it or did not answer
     */
    public Result set(
            String inventoryItemId,
            String locationId,
            int quantity,
            Integer changeFrom,
            String idempotencyKey,
            String referenceDocumentUri) {
        ObjectNode variables = JSON.createObjectNode();
        ObjectNode input = variables.putObject("input");
        input.put("name", "available");
        input.put("reason", "correction");
        input.put("referenceDocumentUri", referenceDocumentUri);
        ObjectNode line = input.putArray("quantities").addObject();
        line.put("inventoryItemId", inventoryItemId);
        line.put("locationId", locationId);
        line.put("quantity", quantity);
        if (changeFrom == null) {
            line.putNull("changeFromQuantity");
        } else {
            line.put("changeFromQuantity", changeFrom);
        }
        variables.put("idempotencyKey", idempotencyKey);
        Reply reply = post(SET_QUANTITIES, variables, "setting " + inventoryItemId);
        if (reply.throttled().isPresent()) {
            return new Result.Throttled(reply.throttled().get());
        }
        JsonNode errors =
                reply.body().path("data").path("inventorySetQuantities").path("userErrors");
        for (JsonNode error : errors) {
            if ("CHANGE_FROM_QUANTITY_STALE".equals(error.path("code").asText())) {
                return new Result.Stale();
            }
        }
        if (!errors.isEmpty()) {
            throw new ShopifyApiException(
                    "Shopify refused setting " + inventoryItemId + " at " + locationId + ": " + errors, false);
        }
        return new Result.Done();
    }

    /** The available quantity the shop shows; empty when the shop's throttle says to wait first. */
    public Optional<Integer> read(String inventoryItemId, String locationId) {
        ObjectNode variables = JSON.createObjectNode();
        variables.put("inventoryItemId", inventoryItemId);
        variables.put("locationId", locationId);
        Reply reply = post(READ_LEVEL, variables, "reading " + inventoryItemId);
        if (reply.throttled().isPresent()) {
            return Optional.empty();
        }
        JsonNode level = reply.body().path("data").path("inventoryItem").path("inventoryLevel");
        if (level.isMissingNode() || level.isNull()) {
            throw new ShopifyApiException(
                    "Shopify has no inventory level of " + inventoryItemId + " at " + locationId, false);
        }
        for (JsonNode q : level.path("quantities")) {
            if ("available".equals(q.path("name").asText())
                    && q.path("quantity").isIntegralNumber()) {
                return Optional.of(q.path("quantity").asInt());
            }
        }
        throw new ShopifyApiException("Shopify showed no available quantity of " + inventoryItemId, false);
    }

    /**
     * How long the last reply's {@code throttleStatus} says to wait before the next call, so that no call is
     * sent while the shop's bucket cannot pay for it; zero when it can.
     */
    public Duration waitBeforeNext() {
        return waitBeforeNext;
    }

    /** What a throttled reply says to wait: until the bucket holds the call's cost again. */
    static Duration throttleWait(JsonNode extensions, String retryAfter) {
        if (retryAfter != null) {
            try {
                return Duration.ofMillis((long) (Double.parseDouble(retryAfter.strip()) * 1000));
            } catch (NumberFormatException notSeconds) {
                // an HTTP date: wait a second and look again
            }
        }
        JsonNode cost = extensions.path("cost");
        double requested = cost.path("requestedQueryCost").asDouble(10);
        JsonNode status = cost.path("throttleStatus");
        double available = status.path("currentlyAvailable").asDouble(0);
        double restore = status.path("restoreRate").asDouble(50);
        double seconds = restore <= 0 ? 1 : Math.max(0, requested - available) / restore;
        return Duration.ofMillis(Math.max(100, (long) Math.ceil(seconds * 1000)));
    }

    private record Reply(JsonNode body, Optional<Duration> throttled) {}

    private Reply post(String query, ObjectNode variables, String about) {
        ObjectNode request = JSON.createObjectNode();
        request.put("query", query);
        request.set("variables", variables);
        HttpResponse<byte[]> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(requestTimeout)
                            .header("Content-Type", "application/json")
                            .header("X-Shopify-Access-Token", accessToken)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ShopifyApiException("Shopify did not answer " + about + " (" + e + ")", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyApiException("Interrupted while " + about, true, e);
        }
        int status = response.statusCode();
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (status == 429) {
            return new Reply(
                    body,
                    Optional.of(throttleWait(
                            body == null ? JSON.createObjectNode() : body.path("extensions"),
                            response.headers().firstValue("Retry-After").orElse("1"))));
        }
        if (status / 100 != 2 || body == null) {
            boolean mayPass = status >= 500 || status == 408;
            throw new ShopifyApiException("Shopify answered HTTP " + status + " " + about, mayPass);
        }
        JsonNode bucket = body.path("extensions").path("cost").path("throttleStatus");
        if (bucket.has("currentlyAvailable")) {
            double cost = body.path("extensions")
                    .path("cost")
                    .path("requestedQueryCost")
                    .asDouble(10);
            double available = bucket.path("currentlyAvailable").asDouble();
            double restore = bucket.path("restoreRate").asDouble(50);
            waitBeforeNext = available >= cost || restore <= 0
                    ? Duration.ZERO
                    : Duration.ofMillis((long) Math.ceil((cost - available) / restore * 1000));
        }
        for (JsonNode error : body.path("errors")) {
            if ("THROTTLED".equals(error.path("extensions").path("code").asText())) {
                return new Reply(body, Optional.of(throttleWait(body.path("extensions"), null)));
            }
        }
        if (body.path("errors").size() > 0) {
            throw new ShopifyApiException("Shopify refused " + about + ": " + body.path("errors"), false);
        }
        return new Reply(body, Optional.empty());
    }
}
