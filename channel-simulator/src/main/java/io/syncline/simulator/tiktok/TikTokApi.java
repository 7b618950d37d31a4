package io.syncline.simulator.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.simulator.ShopKind;
import io.syncline.simulator.http.HttpProblem;
import io.syncline.simulator.http.Json;
import io.syncline.simulator.http.Reply;
import io.syncline.simulator.http.Request;
import io.syncline.simulator.orders.Orders;
import io.syncline.simulator.shops.Faults;
import io.syncline.simulator.shops.Item;
import io.syncline.simulator.shops.Shop;
import io.syncline.simulator.shops.Shops;
import io.syncline.simulator.shops.StockChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TikTok Shop's Open API of each TikTok shop under {@code /tiktok/<shop>}: Get Order Detail, Update Inventory and
 * Get Product (202309). Every request is checked as TikTok checks it (app key, timestamp within five minutes,
 * {@code sign}, {@code x-tts-access-token}, {@code shop_cipher}); the outcome is the body's {@code code} (0 for
 * success) with TikTok's error codes, the HTTP status only following along.
 */
public final class TikTokApi implements Function<Request, Reply> {

    public static final String PREFIX = "/tiktok/";
    private static final String ORDERS = "/order/202309/orders";
    private static final Pattern PRODUCT = Pattern.compile("/product/202309/products/([0-9]{1,20})");
    private static final Pattern INVENTORY = Pattern.compile("/product/202309/products/([0-9]{1,20})/inventory/update");
    private static final int MAX_QUANTITY = 99_999;

    private final Shops shops;
    private final Orders orders;

    public TikTokApi(Shops shops, Orders orders) {
        this.shops = shops;
        this.orders = orders;
    }

    /** A refusal with TikTok's code and message. */
    private record Refusal(int status, long code, String message) {}

    @Override
    public Reply apply(Request request) {
        List<String> segments = request.segmentsAfter(PREFIX);
        Optional<Shop> found =
                segments.isEmpty() ? Optional.empty() : shops.find(segments.get(0), ShopKind.TIKTOK_SHOP);
        if (found.isEmpty()) {
            return refuse(
                    null,
                    new Refusal(
                            404, 36009009, "Invalid path. The specified path does not match any available endpoint."));
        }
        Shop shop = found.get();
        String path = request.path().substring(shop.apiPath().length());
        Reply reply = answer(shop, path, request);
        if (reply.hangFor() == null) {
            Optional<Faults.Slow> slow = shop.faults().slow();
            if (slow.isPresent()) {
                reply = reply.delayedBy(slow.get().delay());
            }
        }
        return reply;
    }

    private Reply answer(Shop shop, String path, Request request) {
        String method;
        String operation;
        Matcher inventory = INVENTORY.matcher(path);
        Matcher product = PRODUCT.matcher(path);
        if (path.equals(ORDERS)) {
            method = "GET";
            operation = "orders.get";
        } else if (inventory.matches()) {
            method = "POST";
            operation = "inventory.update";
        } else if (product.matches()) {
            method = "GET";
            operation = "product.get";
        } else {
            return refuse(
                    shop,
                    new Refusal(
                            404, 36009009, "Invalid path. The specified path does not match any available endpoint."));
        }
        Optional<Faults.Down> down = shop.faults().down();
        if (down.isPresent()) {
            if (down.get().mode() == Faults.DownMode.NO_ANSWER) {
                log(shop, operation, "no-answer", Map.of());
                Duration left =
                        Duration.between(shop.clock().instant(), down.get().until());
                return Reply.hang(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left);
            }
            log(shop, operation, "unavailable", Map.of());
            return refuse(
                    shop,
                    new Refusal(
                            503,
                            36009003,
                            "Internal error. Please try again. If the issue persists after multiple attempts, please contact platform support."));
        }
        if (!request.method().equals(method)) {
            return refuse(
                    shop,
                    new Refusal(
                            405, 36009010, "Invalid method. The HTTP method used is not supported by this endpoint."));
        }
        Optional<Refusal> refusal = check(shop, request);
        if (refusal.isPresent()) {
            log(
                    shop,
                    operation,
                    refusal.get().code() == 106001
                            ? "invalid-sign"
                            : "refused " + refusal.get().code(),
                    Map.of());
            return refuse(shop, refusal.get());
        }
        if (!shop.bucket().take(1).granted()) {
            log(shop, operation, "rate-limited", Map.of());
            return refuse(
                    shop,
                    new Refusal(
                            429,
                            36009002,
                            "Too many requests. You've made too many requests in a short period of time."));
        }
        return switch (operation) {
            case "orders.get" -> orderDetail(shop, request);
            case "inventory.update" -> updateInventory(shop, inventory.group(1), request);
            default -> getProduct(shop, product.group(1));
        };
    }

    private Optional<Refusal> check(Shop shop, Request request) {
        Map<String, String> query = request.query();
        if (!shop.config().appKey().equals(query.get("app_key"))) {
            return Optional.of(new Refusal(401, 36009004, "Invalid credentials. Invalid `app_key` query parameter."));
        }
        String sign = query.get("sign");
        if (sign == null || sign.isBlank()) {
            return Optional.of(new Refusal(
                    401,
                    36009004,
                    "Missing credentials. The request does not include a required signature in the query."));
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(query.getOrDefault("timestamp", ""));
        } catch (NumberFormatException e) {
            return Optional.of(new Refusal(
                    400,
                    36009004,
                    "Invalid timestamp. The value of the `timestamp` query parameter must not be lesser than 0."));
        }
        long now = shop.clock().instant().getEpochSecond();
        if (timestamp < 0) {
            return Optional.of(new Refusal(
                    400,
                    36009004,
                    "Invalid timestamp. The value of the `timestamp` query parameter must not be lesser than 0."));
        }
        if (timestamp < now - 300) {
            return Optional.of(
                    new Refusal(
                            400,
                            36009004,
                            "Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes before the current time."));
        }
        if (timestamp > now + 30) {
            return Optional.of(
                    new Refusal(
                            400,
                            36009004,
                            "Invalid timestamp. The value of the `timestamp` query parameter must not exceed the current time by more than 30 seconds."));
        }
        String secret = shop.config().webhookSecret();
        String apiPath = request.path().substring(shop.apiPath().length());
        // a client signs the path it calls; one that signs only TikTok's own path (without the shop prefix) is
        // taken too, so both ways of joining the base URL work
        byte[] body = request.body().length == 0 ? null : request.body();
        if (!same(sign, TikTokSignature.sign(secret, request.path(), query, body))
                && !same(sign, TikTokSignature.sign(secret, apiPath, query, body))) {
            return Optional.of(new Refusal(401, 106001, "Invalid credentials. The `sign` query parameter is invalid."));
        }
        String token = request.header("x-tts-access-token");
        if (token == null || !same(token, shop.config().accessToken())) {
            return Optional.of(
                    new Refusal(401, 36009004, "Invalid credentials. The `x-tts-access-token` header is invalid."));
        }
        String cipher = query.get("shop_cipher");
        if (cipher == null || cipher.isBlank()) {
            return Optional.of(new Refusal(
                    400,
                    106013,
                    "Missing identifier. The `shop_cipher` query parameter is required to identify the target shop."));
        }
        if (!cipher.equals(shop.config().shopCipher())) {
            return Optional.of(
                    new Refusal(400, 36009004, "Invalid identifier. The `shop_cipher` query parameter is invalid."));
        }
        return Optional.empty();
    }

    private Reply orderDetail(Shop shop, Request request) {
        String ids = request.query().get("ids");
        if (ids == null || ids.isBlank()) {
            log(shop, "orders.get", "refused 36009004", Map.of());
            return refuse(shop, new Refusal(400, 36009004, "invalid param error: ids is required"));
        }
        String[] wanted = ids.split(",");
        if (wanted.length > 50) {
            log(shop, "orders.get", "refused 36009004", Map.of());
            return refuse(shop, new Refusal(400, 36009004, "invalid param error: at most 50 ids"));
        }
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("orders");
        for (String id : wanted) {
            orders.find(shop, id.strip())
                    .map(order -> TikTokResources.order(shop, order))
                    .ifPresent(list::add);
        }
        log(shop, "orders.get", "read " + list.size(), Map.of());
        return success(shop, data);
    }

    private Reply getProduct(Shop shop, String productId) {
        List<Item> skus = shop.product(productId);
        if (skus.isEmpty()) {
            log(shop, "product.get", "refused 12019150", Map.of());
            return refuse(shop, new Refusal(200, 12019150, "The product ID does not exist."));
        }
        Map<String, Integer> shown = new LinkedHashMap<>();
        skus.forEach(item -> shown.put(item.sku(), item.quantity()));
        log(shop, "product.get", "read", shown);
        return success(shop, TikTokResources.product(shop, productId, skus));
    }

    private Reply updateInventory(Shop shop, String productId, Request request) {
        JsonNode body;
        try {
            body = Json.read(request.body());
        } catch (HttpProblem unreadable) {
            log(shop, "inventory.update", "refused 36009004", Map.of());
            return refuse(shop, new Refusal(400, 36009004, "invalid param error: the body is not JSON"));
        }
        JsonNode skus = body.path("skus");
        if (!skus.isArray() || skus.isEmpty()) {
            log(shop, "inventory.update", "refused 36009004", Map.of());
            return refuse(shop, new Refusal(400, 36009004, "invalid param error: skus is required"));
        }
        List<Item> product = shop.product(productId);
        if (product.isEmpty()) {
            log(shop, "inventory.update", "refused 12052032", Map.of());
            return refuse(shop, new Refusal(200, 12052032, "The product does not exist"));
        }
        for (JsonNode sku : skus) {
            JsonNode id = sku.get("id");
            if (id == null || id.isNull() || id.asText().isBlank()) {
                log(shop, "inventory.update", "refused 12052036", Map.of());
                return refuse(shop, new Refusal(200, 12052036, "The SKU ID is necessary"));
            }
            JsonNode stock = sku.path("inventory");
            if (!stock.isArray() || stock.isEmpty()) {
                log(shop, "inventory.update", "refused 12019024", Map.of());
                return refuse(shop, new Refusal(200, 12019024, "stock count is invalid"));
            }
            for (JsonNode entry : stock) {
                JsonNode quantity = entry.get("quantity");
                if (quantity == null
                        || !quantity.isIntegralNumber()
                        || quantity.asLong() < 0
                        || quantity.asLong() > MAX_QUANTITY) {
                    log(shop, "inventory.update", "refused 12019024", Map.of());
                    return refuse(shop, new Refusal(200, 12019024, "stock count is invalid"));
                }
            }
        }
        ArrayNode errors = Json.array();
        Map<String, Integer> asked = new LinkedHashMap<>();
        Instant now = shop.clock().instant();
        synchronized (shop) {
            for (JsonNode sku : skus) {
                String skuId = sku.get("id").asText();
                Optional<Item> item = product.stream()
                        .filter(candidate -> skuId.equals(candidate.skuId()))
                        .findFirst();
                if (item.isEmpty()) {
                    ObjectNode error = errors.addObject();
                    error.put("code", 12052990);
                    error.put("message", "Check failed");
                    ObjectNode detail = error.putObject("detail");
                    detail.put("sku_id", skuId);
                    detail.putArray("extra_errors");
                    continue;
                }
                Integer set = null;
                ArrayNode extra = Json.array();
                for (JsonNode entry : sku.path("inventory")) {
                    JsonNode warehouse = entry.get("warehouse_id");
                    if (warehouse != null
                            && !warehouse.isNull()
                            && !warehouse.asText().equals(shop.config().warehouseId())) {
                        ObjectNode wrong = extra.addObject();
                        wrong.put("warehouse_id", warehouse.asText());
                        wrong.put("code", 12052097);
                        wrong.put("message", "The warehouse does not exist");
                    } else {
                        set = entry.get("quantity").intValue();
                    }
                }
                if (!extra.isEmpty()) {
                    ObjectNode error = errors.addObject();
                    error.put("code", 12052990);
                    error.put("message", "Check failed");
                    ObjectNode detail = error.putObject("detail");
                    detail.put("sku_id", skuId);
                    detail.set("extra_errors", extra);
                }
                if (set != null) {
                    asked.put(item.get().sku(), set);
                    shop.set(item.get(), set, StockChange.PUSH, false);
                    shop.pushes().applied(now, item.get().sku(), set);
                }
            }
        }
        log(shop, "inventory.update", errors.isEmpty() ? "applied" : "partly applied", asked);
        ObjectNode data = Json.object();
        // TikTok answers code 0 also when some SKUs failed: those are listed in data.errors and were not changed
        if (!errors.isEmpty()) {
            data.set("errors", errors);
        }
        return success(shop, data);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.strip().getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply success(Shop shop, JsonNode data) {
        ObjectNode body = Json.object();
        body.put("code", 0);
        body.set("data", data);
        body.put("message", "Success");
        body.put("request_id", shop.ids().requestId(shop.clock().instant()));
        return Reply.json(200, body);
    }

    private Reply refuse(Shop shop, Refusal refusal) {
        ObjectNode body = Json.object();
        body.put("code", refusal.code());
        body.put("message", refusal.message());
        body.put(
                "request_id",
                shop == null ? "0" : shop.ids().requestId(shop.clock().instant()));
        body.putNull("data");
        return Reply.json(refusal.status(), body);
    }

    private static void log(Shop shop, String operation, String outcome, Map<String, Integer> quantities) {
        shop.pushes().request(shop.clock().instant(), operation, outcome, quantities);
    }
}
