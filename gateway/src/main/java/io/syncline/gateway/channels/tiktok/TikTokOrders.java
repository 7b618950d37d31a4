package io.syncline.gateway.channels.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.api.orders.OrderLine;
import io.syncline.gateway.channels.ChannelNotice.OrderCreated;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a TikTok Shop order with the Order Detail API (202309), signed as TikTok requires. */
public final class TikTokOrders {

    static final String PATH = "/order/202309/orders";

    // 36009002 rate limited, 36009003 internal error (common errors); the rest are Get Order Detail's
    // "failed to get orders" and internal errors, which TikTok says to retry
    private static final Set<Long> RETRYABLE_CODES =
            Set.of(36009002L, 36009003L, 10006402L, 10002014L, 10002015L, 10037002L, 10037003L, 10037004L);

    private final URI apiBaseUrl;
    private final String appKey;
    private final String appSecret;
    private final String accessToken;
    private final String shopCipher;
    private final Clock clock;
    private final Duration requestTimeout;
    private final HttpClient http;

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
        this(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build(),
                apiBaseUrl,
                appKey,
                appSecret,
                accessToken,
                shopCipher,
                clock,
                requestTimeout);
    }

    /** A client for one shop over a shared {@link HttpClient}. */
    public TikTokOrders(
            HttpClient http,
            URI apiBaseUrl,
            String appKey,
            String appSecret,
            String accessToken,
            String shopCipher,
            Clock clock,
            Duration requestTimeout) {
        this.apiBaseUrl = Objects.requireNonNull(apiBaseUrl);
        this.appKey = Objects.requireNonNull(appKey);
        this.appSecret = Objects.requireNonNull(appSecret);
        this.accessToken = Objects.requireNonNull(accessToken);
        this.shopCipher = Objects.requireNonNull(shopCipher);
        this.clock = Objects.requireNonNull(clock);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.http = Objects.requireNonNull(http);
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
        return new OrderCreated(orderId, List.copyOf(lines), Json.seconds(order, "update_time"));
    }

    private JsonNode readOrder(String orderId) {
        HttpResponse<byte[]> response = send(orderId);
        int status = response.statusCode();
        JsonNode reply = Json.object(response.body());
        String about = "TikTok Shop order " + orderId;
        if (reply == null || !reply.path("code").isIntegralNumber()) {
            if (status == 429 || status >= 500 || status / 100 == 2) {
                throw TikTokApiException.mayPassLater(about + ": HTTP " + status + " without TikTok's answer", null);
            }
            throw TikTokApiException.willNotPass(about + ": HTTP " + status + " without TikTok's answer");
        }
        long code = reply.path("code").asLong();
        if (code != 0 || status / 100 != 2) {
            String said = about + ": TikTok answered code " + code + " \""
                    + reply.path("message").asText() + "\" (HTTP " + status + ", request_id "
                    + reply.path("request_id").asText() + ")";
            if (RETRYABLE_CODES.contains(code) || status == 429 || status >= 500) {
                throw TikTokApiException.mayPassLater(said, null);
            }
            throw TikTokApiException.willNotPass(said);
        }
        for (JsonNode order : reply.path("data").path("orders")) {
            if (orderId.equals(Json.text(order, "id"))) {
                return order;
            }
        }
        throw TikTokApiException.willNotPass(about + " is not known to TikTok Shop for this shop");
    }

    private HttpResponse<byte[]> send(String orderId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ids", orderId);
        query.put("app_key", appKey);
        query.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        query.put("shop_cipher", shopCipher);
        String path = apiBaseUrl.getPath().replaceAll("/+$", "") + PATH;
        // a GET carries no body, so none is signed
        query.put("sign", TikTokSigner.sign(appSecret, path, query, null));
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(apiBaseUrl.resolve(path + "?" + encoded))
                .timeout(requestTimeout)
                .header("x-tts-access-token", accessToken)
                .header("Content-Type", "application/json")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw TikTokApiException.mayPassLater(
                    "TikTok Shop order " + orderId + ": no answer from TikTok Shop (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TikTokApiException.mayPassLater("TikTok Shop order " + orderId + ": the read was interrupted", e);
        }
    }
}
