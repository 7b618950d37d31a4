package io.syncline.gateway.channels.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.api.orders.OrderLine;
import io.syncline.gateway.channels.ChannelNotice.OrderCreated;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a TikTok Shop order with the Order Detail API (202309), signed as TikTok requires. */
public final class TikTokOrders {

    static final String PATH = "/order/202309/orders";

    private final TikTokApi api;

    /** A client for one shop over its API. */
    public TikTokOrders(TikTokApi api) {
        this.api = api;
    }

    /**
     * A client for one shop; it makes its own {@link HttpClient}.
     *
     * @param appSecret the channel's {@code webhookSecret}: TikTok signs both ways with the app secret
     */
    public TikTokOrders(
            URI apiBaseUrl,
            String appKey,
            String appSecret,
            String accessToken,
            String shopCipher,
            Clock clock,
            Duration connectTimeout,
            Duration requestTimeout) {
        this(new TikTokApi(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build(),
                apiBaseUrl,
                appKey,
                appSecret,
                accessToken,
                shopCipher,
                clock,
                requestTimeout));
    }

    /**
     * The order to place: TikTok lists each unit as its own line item, so a line per {@code seller_sku}
     * with as many units as it has line items.
     *
     * @throws TikTokApiException when it cannot be read, saying whether trying later may pass
     */
    public OrderCreated fetch(String orderId) {
        JsonNode order = readOrder(orderId);
        Map<String, Integer> units = new LinkedHashMap<>();
        for (JsonNode item : order.path("line_items")) {
            String sku = Json.text(item, "seller_sku");
            if (sku == null) {
                throw TikTokApiException.willNotPass("TikTok Shop order " + orderId + ": line item "
                        + Json.text(item, "id") + " (sku_id " + Json.text(item, "sku_id") + ", product_id "
                        + Json.text(item, "product_id") + ") has no seller_sku, so Syncline cannot tell which"
                        + " SKU it is; give it a seller SKU in TikTok Shop");
            }
            units.merge(sku, 1, Integer::sum);
        }
        if (units.isEmpty()) {
            throw TikTokApiException.willNotPass("TikTok Shop order " + orderId + " has no line items");
        }
        List<OrderLine> lines = new ArrayList<>();
        units.forEach((sku, quantity) -> lines.add(new OrderLine(sku, quantity)));
        return new OrderCreated(orderId, List.copyOf(lines), Json.seconds(order, "update_time"), placedAt(order));
    }

    /** When the order was placed on the shop; null when TikTok Shop leaves it out or it is no number. */
    private static Instant placedAt(JsonNode order) {
        try {
            return Json.seconds(order, "create_time");
        } catch (NumberFormatException e) {
            // only a finer judgement of the shop's stock needs it: the order stands without it
            return null;
        }
    }

    private JsonNode readOrder(String orderId) {
        String about = "TikTok Shop order " + orderId;
        // a GET carries no body, so none is signed
        JsonNode data = api.call("GET", PATH, Map.of("ids", orderId), null, about);
        for (JsonNode order : data.path("orders")) {
            if (orderId.equals(Json.text(order, "id"))) {
                return order;
            }
        }
        throw TikTokApiException.willNotPass(about + " is not known to TikTok Shop for this shop");
    }
}
