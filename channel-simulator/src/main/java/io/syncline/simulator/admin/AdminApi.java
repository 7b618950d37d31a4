package io.syncline.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.OrderGeneratorConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.ShopKind;
import io.syncline.simulator.http.Durations;
import io.syncline.simulator.http.HttpProblem;
import io.syncline.simulator.http.Json;
import io.syncline.simulator.http.Reply;
import io.syncline.simulator.http.Request;
import io.syncline.simulator.orders.Order;
import io.syncline.simulator.orders.OrderGenerator;
import io.syncline.simulator.orders.OrderRefused;
import io.syncline.simulator.orders.Orders;
import io.syncline.simulator.shops.Faults;
import io.syncline.simulator.shops.Item;
import io.syncline.simulator.shops.PushLog;
import io.syncline.simulator.shops.Shop;
import io.syncline.simulator.shops.Shops;
import io.syncline.simulator.shops.StockChange;
import io.syncline.simulator.webhooks.DeliveryRecord;
import io.syncline.simulator.webhooks.WebhookSender;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulator's own JSON API under {@code /admin}: shops created, read and removed; their stock read and changed
 * on the shop's side (drift); the pushes their APIs received; orders placed (oversold too), cancelled (after
 * shipment too), shipped and delivered now, and delivered again with other lines ({@code POST
 * …/orders/{id}/redelivery {"lines"}});
 * webhook deliveries; the order generator; and the faults a shop is told to show. Answers problems as
 * {@code application/problem+json}.
 */
public final class AdminApi implements Function<Request, Reply> {

    public static final String PREFIX = "/admin/";
    private static final List<String> FAULTS = List.of("down", "slow", "duplicates", "out-of-order", "throttle");

    private final Shops shops;
    private final ShopDirectory directory;
    private final Orders orders;
    private final OrderGenerator generator;
    private final WebhookSender webhooks;

    public AdminApi(
            Shops shops, ShopDirectory directory, Orders orders, OrderGenerator generator, WebhookSender webhooks) {
        this.shops = shops;
        this.directory = directory;
        this.orders = orders;
        this.generator = generator;
        this.webhooks = webhooks;
    }

    @Override
    public Reply apply(Request request) {
        List<String> path = request.segmentsAfter(PREFIX).stream()
                .filter(segment -> !segment.isEmpty())
                .map(AdminApi::decode)
                .toList();
        try {
            return route(request, path);
        } catch (OrderRefused refused) {
            throw new HttpProblem(refused.notFound() ? 404 : 409, refused.getMessage());
        } catch (IllegalArgumentException invalid) {
            throw HttpProblem.badRequest(invalid.getMessage());
        }
    }

    private Reply route(Request request, List<String> path) {
        String method = request.method();
        if (path.isEmpty() || !path.get(0).equals("shops")) {
            throw HttpProblem.notFound("the admin API is under /admin/shops");
        }
        if (path.size() == 1) {
            return switch (method) {
                case "GET" -> Reply.json(200, listShops());
                case "POST" -> createShop(request);
                default -> notAllowed("GET, POST");
            };
        }
        Shop shop = shops.find(path.get(1)).orElseThrow(() -> HttpProblem.notFound("there is no shop " + path.get(1)));
        if (path.size() == 2) {
            return switch (method) {
                case "GET" -> Reply.json(200, shopView(shop));
                case "DELETE" -> {
                    directory.remove(shop.name());
                    yield Reply.empty(204);
                }
                default -> notAllowed("GET, DELETE");
            };
        }
        String part = path.get(2);
        List<String> rest = path.subList(3, path.size());
        return switch (part) {
            case "items" -> items(request, shop, rest);
            case "pushes" -> only(method, "GET", () -> Reply.json(200, pushes(shop)), rest);
            case "orders" -> orders(request, shop, rest);
            case "deliveries" -> only(method, "GET", () -> Reply.json(200, deliveries(shop, request)), rest);
            case "generator" -> generator(request, shop, rest);
            case "faults" -> faults(request, shop, rest);
            case "webhook" -> only(method, "PUT", () -> webhook(request, shop), rest);
            default -> throw HttpProblem.notFound("shops have no " + part);
        };
    }

    private ArrayNode listShops() {
        ArrayNode list = Json.array();
        for (Shop shop : shops.all()) {
            ObjectNode summary = list.addObject();
            summary.put("name", shop.name());
            summary.put("kind", shop.kind().name());
            summary.put("apiBaseUrl", directory.apiBaseUrl(shop).toString());
            summary.put(
                    "webhookUrl",
                    shop.webhookUrl() == null ? null : shop.webhookUrl().toString());
            summary.put("items", shop.items().size());
            summary.put("orders", orders.count(shop));
        }
        return list;
    }

    private Reply createShop(Request request) {
        ShopConfig config = Json.convert(Json.read(request.body()), ShopConfig.class);
        if (shops.find(config.name()).isPresent()) {
            throw HttpProblem.conflict("there is already a shop " + config.name());
        }
        Shop shop = directory.add(config);
        return Reply.json(201, shopView(shop)).withHeader("Location", "/admin/shops/" + shop.name());
    }

    private ObjectNode shopView(Shop shop) {
        ObjectNode view = Json.object();
        view.put("name", shop.name());
        view.put("kind", shop.kind().name());
        view.put("apiBaseUrl", directory.apiBaseUrl(shop).toString());
        view.set("config", Json.MAPPER.valueToTree(shop.config()));
        view.set("faults", Json.MAPPER.valueToTree(shop.faults().snapshot()));
        view.set("generator", Json.MAPPER.valueToTree(generator.stats(shop)));
        return view;
    }

    private Reply items(Request request, Shop shop, List<String> rest) {
        if (rest.isEmpty()) {
            return only(request.method(), "GET", () -> Reply.json(200, itemsView(shop)), rest);
        }
        if (rest.size() != 1) {
            throw HttpProblem.notFound("no such item route");
        }
        String sku = rest.get(0);
        if (request.method().equals("GET")) {
            Item item =
                    shop.item(sku).orElseThrow(() -> HttpProblem.notFound("shop " + shop.name() + " sells no " + sku));
            return Reply.json(200, itemView(shop, item));
        }
        if (!request.method().equals("PUT")) {
            return notAllowed("GET, PUT");
        }
        JsonNode body = Json.read(request.body());
        JsonNode quantity = body.get("quantity");
        if (quantity == null || !quantity.canConvertToInt()) {
            throw HttpProblem.badRequest("quantity (a whole number) is required");
        }
        int value = quantity.intValue();
        if (value < 0 && shop.kind() == ShopKind.TIKTOK_SHOP) {
            throw HttpProblem.badRequest("a TikTok Shop quantity is never negative");
        }
        boolean notify = body.path("notify").asBoolean(true);
        Optional<Item> existing = shop.item(sku);
        if (existing.isPresent()) {
            shop.set(existing.get(), value, StockChange.DRIFT, notify);
            return Reply.json(200, itemView(shop, existing.get()));
        }
        Item added = shop.add(new ItemConfig(
                sku,
                text(body, "title"),
                0,
                text(body, "price"),
                text(body, "inventoryItemId"),
                text(body, "variantId"),
                text(body, "productId"),
                text(body, "skuId")));
        shop.set(added, value, StockChange.DRIFT, notify);
        return Reply.json(201, itemView(shop, added));
    }

    private ArrayNode itemsView(Shop shop) {
        ArrayNode list = Json.array();
        shop.items().forEach(item -> list.add(itemView(shop, item)));
        return list;
    }

    private static ObjectNode itemView(Shop shop, Item item) {
        ObjectNode view = Json.object();
        view.put("sku", item.sku());
        view.put("title", item.title());
        view.put("quantity", item.quantity());
        view.put("updatedAt", item.updatedAt().toString());
        if (shop.kind() == ShopKind.SHOPIFY) {
            view.put("inventoryItemId", "gid://shopify/InventoryItem/" + item.inventoryItemId());
            view.put("locationId", "gid://shopify/Location/" + shop.config().locationId());
            view.put("variantId", item.variantId());
            view.put("productId", item.productId());
        } else {
            view.put("productId", item.productId());
            view.put("skuId", item.skuId());
            view.put("warehouseId", shop.config().warehouseId());
        }
        PushLog.SkuPushes pushes = shop.pushes().sku(item.sku());
        view.put("pushes", pushes.pushes());
        if (pushes.lastQuantity() == null) {
            view.putNull("lastPushedQuantity");
            view.putNull("lastPushAt");
        } else {
            view.put("lastPushedQuantity", pushes.lastQuantity());
            view.put("lastPushAt", pushes.lastAt().toString());
        }
        return view;
    }

    private ObjectNode pushes(Shop shop) {
        ObjectNode view = Json.object();
        PushLog log = shop.pushes();
        view.put("requests", log.requests());
        view.put("applied", log.applied());
        ArrayNode items = view.putArray("items");
        for (Item item : shop.items()) {
            items.add(Json.MAPPER.valueToTree(log.sku(item.sku())));
        }
        view.set("recent", Json.MAPPER.valueToTree(log.entries()));
        return view;
    }

    private Reply orders(Request request, Shop shop, List<String> rest) {
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "GET" -> Reply.json(200, listOrders(shop, request));
                case "POST" -> placeOrder(request, shop);
                default -> notAllowed("GET, POST");
            };
        }
        String id = rest.get(0);
        if (rest.size() == 1) {
            return only(
                    method,
                    "GET",
                    () -> Reply.json(
                            200,
                            orders.find(shop, id)
                                    .orElseThrow(
                                            () -> HttpProblem.notFound("shop " + shop.name() + " has no order " + id))),
                    List.of());
        }
        if (rest.size() != 2) {
            throw HttpProblem.notFound("no such order route");
        }
        if (!method.equals("POST")) {
            return notAllowed("POST");
        }
        Order moved =
                switch (rest.get(1)) {
                    case "cancellation" -> {
                        String reason = request.body().length == 0 ? null : text(Json.read(request.body()), "reason");
                        yield orders.cancel(shop, id, reason);
                    }
                    case "shipment" -> orders.ship(shop, id);
                    case "delivery" -> orders.deliver(shop, id);
                    case "redelivery" ->
                        orders.redeliver(
                                shop,
                                id,
                                wanted(
                                        request.body().length == 0
                                                ? null
                                                : Json.read(request.body()).get("lines")));
                    default -> throw HttpProblem.notFound("orders have no " + rest.get(1));
                };
        return Reply.json(200, moved);
    }

    private JsonNode listOrders(Shop shop, Request request) {
        int limit = 1000;
        String asked = request.query().get("limit");
        if (asked != null) {
            try {
                limit = Integer.parseInt(asked);
            } catch (NumberFormatException e) {
                throw HttpProblem.badRequest("limit is a whole number");
            }
            if (limit < 1) {
                throw HttpProblem.badRequest("limit is at least 1");
            }
        }
        String status = request.query().get("status");
        List<Order> list = orders.latest(shop, status == null ? limit : Integer.MAX_VALUE).stream()
                .filter(order -> status == null || order.status().name().equalsIgnoreCase(status))
                .toList();
        return Json.MAPPER.valueToTree(list.subList(Math.max(0, list.size() - limit), list.size()));
    }

    private Reply placeOrder(Request request, Shop shop) {
        JsonNode body = request.body().length == 0 ? Json.object() : Json.read(request.body());
        JsonNode lines = body.get("lines");
        if (lines == null || lines.isNull() || (lines.isArray() && lines.isEmpty())) {
            Order order = generator
                    .placeOne(shop)
                    .orElseThrow(() -> HttpProblem.conflict("shop " + shop.name() + " has nothing in stock to sell"));
            return Reply.json(201, order);
        }
        Order order = orders.place(shop, wanted(lines), body.path("oversell").asBoolean(false));
        return Reply.json(201, order);
    }

    private static List<Orders.Wanted> wanted(JsonNode lines) {
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw HttpProblem.badRequest("lines is a list of {sku, quantity}");
        }
        List<Orders.Wanted> wanted = new ArrayList<>();
        for (JsonNode line : lines) {
            String sku = text(line, "sku");
            JsonNode quantity = line.get("quantity");
            if (sku == null || quantity == null || !quantity.canConvertToInt()) {
                throw HttpProblem.badRequest("every line needs a sku and a whole quantity");
            }
            wanted.add(new Orders.Wanted(sku, quantity.intValue()));
        }
        return wanted;
    }

    private JsonNode deliveries(Shop shop, Request request) {
        String topic = request.query().get("topic");
        String status = request.query().get("status");
        List<DeliveryRecord.View> views = webhooks.deliveries(shop).stream()
                .filter(view -> topic == null || view.topic().equals(topic))
                .filter(view -> status == null || view.status().name().equalsIgnoreCase(status))
                .toList();
        return Json.MAPPER.valueToTree(views);
    }

    private Reply generator(Request request, Shop shop, List<String> rest) {
        if (!rest.isEmpty()) {
            throw HttpProblem.notFound("no such generator route");
        }
        return switch (request.method()) {
            case "GET" -> Reply.json(200, generatorView(shop));
            case "PUT" -> {
                OrderGeneratorConfig config = Json.convert(Json.read(request.body()), OrderGeneratorConfig.class);
                shop.orders(config);
                generator.configure(shop, config);
                yield Reply.json(200, generatorView(shop));
            }
            default -> notAllowed("GET, PUT");
        };
    }

    private ObjectNode generatorView(Shop shop) {
        ObjectNode view = Json.object();
        view.set("config", Json.MAPPER.valueToTree(shop.config().orders()));
        view.set("stats", Json.MAPPER.valueToTree(generator.stats(shop)));
        return view;
    }

    private Reply faults(Request request, Shop shop, List<String> rest) {
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "GET" -> Reply.json(200, shop.faults().snapshot());
                case "DELETE" -> {
                    shop.faults().clearAll();
                    restoreThrottle(shop);
                    yield Reply.empty(204);
                }
                default -> notAllowed("GET, DELETE");
            };
        }
        String kind = rest.get(0);
        if (rest.size() != 1 || !FAULTS.contains(kind)) {
            throw HttpProblem.notFound("faults are " + String.join(", ", FAULTS));
        }
        if (method.equals("DELETE")) {
            shop.faults().clear(kind);
            if (kind.equals("throttle")) {
                restoreThrottle(shop);
            }
            return Reply.empty(204);
        }
        if (!method.equals("PUT")) {
            return notAllowed("PUT, DELETE");
        }
        JsonNode body = request.body().length == 0 ? Json.object() : Json.read(request.body());
        Faults faults = shop.faults();
        switch (kind) {
            case "down" -> faults.down(mode(text(body, "mode")), positive(duration(body, "for", null), "for", true));
            case "slow" ->
                faults.slow(positive(duration(body, "delay", null), "delay", true), duration(body, "for", null));
            case "duplicates" ->
                faults.duplicates(
                        atLeast(body.path("copies").asInt(2), 2, "copies"),
                        body.path("concurrent").asBoolean(false),
                        count(body, "deliveries"));
            case "out-of-order" ->
                faults.outOfOrder(
                        atLeast(body.path("batch").asInt(2), 2, "batch"),
                        positive(duration(body, "maxHold", Duration.ofSeconds(10)), "maxHold", true),
                        count(body, "groups"));
            default -> throttle(shop, body);
        }
        return Reply.json(200, faults.snapshot());
    }

    private static void throttle(Shop shop, JsonNode body) {
        if (shop.kind() == ShopKind.SHOPIFY) {
            Double maximum = number(body, "maximumAvailable");
            Double restore = number(body, "restoreRate");
            Double current = number(body, "currentlyAvailable");
            if (maximum == null && restore == null && current == null) {
                throw HttpProblem.badRequest("give maximumAvailable, restoreRate and/or currentlyAvailable");
            }
            if ((maximum != null && maximum <= 0)
                    || (restore != null && restore < 0)
                    || (current != null && current < 0)) {
                throw HttpProblem.badRequest(
                        "maximumAvailable is positive, restoreRate and currentlyAvailable not negative");
            }
            shop.bucket().reshape(maximum, restore, current);
            shop.faults().throttle(new Faults.Throttle(maximum, restore, current));
        } else {
            Double perSecond = number(body, "requestsPerSecond");
            if (perSecond == null || perSecond <= 0) {
                throw HttpProblem.badRequest("requestsPerSecond (above 0) is required");
            }
            shop.bucket().reshape(perSecond, perSecond, null);
            shop.faults().throttle(new Faults.Throttle(perSecond, perSecond, null));
        }
    }

    private static void restoreThrottle(Shop shop) {
        if (shop.kind() == ShopKind.SHOPIFY) {
            shop.bucket()
                    .reshape(
                            shop.config().throttle().maximumAvailable(),
                            shop.config().throttle().restoreRate(),
                            null);
        } else {
            shop.bucket()
                    .reshape(shop.config().requestsPerSecond(), shop.config().requestsPerSecond(), null);
        }
    }

    private Reply webhook(Request request, Shop shop) {
        String url = text(Json.read(request.body()), "url");
        if (url == null) {
            shop.webhookUrl(null);
        } else {
            try {
                URI uri = new URI(url);
                if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                    throw HttpProblem.badRequest("url must be an http(s) URL");
                }
                shop.webhookUrl(uri);
            } catch (URISyntaxException e) {
                throw HttpProblem.badRequest("url is not a URL: " + e.getMessage());
            }
        }
        return Reply.json(200, shopView(shop));
    }

    private static Faults.DownMode mode(String text) {
        if (text == null) {
            return Faults.DownMode.UNAVAILABLE;
        }
        try {
            return Faults.DownMode.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("mode is UNAVAILABLE (503) or NO_ANSWER");
        }
    }

    private static Duration duration(JsonNode body, String field, Duration otherwise) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        return Durations.parse(value.asText());
    }

    private static Duration positive(Duration value, String field, boolean required) {
        if (value == null) {
            if (required) {
                throw HttpProblem.badRequest(field + " (a duration such as PT30S or 30s) is required");
            }
            return null;
        }
        if (value.isNegative() || value.isZero()) {
            throw HttpProblem.badRequest(field + " must be positive");
        }
        return value;
    }

    private static int atLeast(int value, int least, String field) {
        if (value < least) {
            throw HttpProblem.badRequest(field + " must be at least " + least);
        }
        return value;
    }

    private static Integer count(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || value.intValue() < 1) {
            throw HttpProblem.badRequest(field + " must be a whole number of at least 1");
        }
        return value.intValue();
    }

    private static Double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw HttpProblem.badRequest(field + " must be a number");
        }
        return value.doubleValue();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Reply only(String method, String allowed, Supplier<Reply> reply, List<String> rest) {
        if (!rest.isEmpty()) {
            throw HttpProblem.notFound("no such route");
        }
        return method.equals(allowed) ? reply.get() : notAllowed(allowed);
    }

    private static Reply notAllowed(String allowed) {
        return Reply.problem(405, "this route takes " + allowed).withHeader("Allow", allowed);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
