package io.syncline.gateway.channels.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One shop's TikTok Shop Open API: every call signed as TikTok requires, its answer judged by {@code code} in
 * the body (not the HTTP status), a failure said with whether trying later may pass.
 */
public final class TikTokApi {

    // 36009002 rate limited, 36009003 internal error (common errors); the rest are the order and product
    // APIs' "failed to get" and internal errors, which TikTok says to retry
    private static final Set<Long> RETRYABLE_CODES =
            Set.of(36009002L, 36009003L, 10006402L, 10002014L, 10002015L, 10037002L, 10037003L, 10037004L);

    private final HttpClient http;
    private final URI apiBaseUrl;
    private final String appKey;
    private final String appSecret;
    private final String accessToken;
    private final String shopCipher;
    private final Clock clock;
    private final Duration requestTimeout;

    /** @param appSecret the channel's {@code webhookSecret}: TikTok signs both ways with the app secret */
    public TikTokApi(
            HttpClient http,
            URI apiBaseUrl,
            String appKey,
            String appSecret,
            String accessToken,
            String shopCipher,
            Clock clock,
            Duration requestTimeout) {
        this.http = Objects.requireNonNull(http);
        this.apiBaseUrl = Objects.requireNonNull(apiBaseUrl);
        this.appKey = Objects.requireNonNull(appKey);
        this.appSecret = Objects.requireNonNull(appSecret);
        this.accessToken = Objects.requireNonNull(accessToken);
        this.shopCipher = Objects.requireNonNull(shopCipher);
        this.clock = Objects.requireNonNull(clock);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
    }

    /**
     * The {@code data} of a successful answer ({@code code} 0).
     *
     * @param body  the JSON body of a POST; null for a GET (nothing is signed for it)
     * @param about what the call is about, for the failure's message
     * @throws TikTokApiException when it did not succeed
     */
    JsonNode call(String method, String path, Map<String, String> parameters, byte[] body, String about) {
        HttpResponse<byte[]> response = send(method, path, parameters, body, about);
        int status = response.statusCode();
        JsonNode reply = Json.object(response.body());
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
        return reply.path("data");
    }

    private HttpResponse<byte[]> send(
            String method, String path, Map<String, String> parameters, byte[] body, String about) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.put("app_key", appKey);
        query.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        query.put("shop_cipher", shopCipher);
        String fullPath = apiBaseUrl.getPath().replaceAll("/+$", "") + path;
        query.put("sign", TikTokSigner.sign(appSecret, fullPath, query, body));
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(apiBaseUrl.resolve(fullPath + "?" + encoded))
                .timeout(requestTimeout)
                .header("x-tts-access-token", accessToken)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw TikTokApiException.mayPassLater(about + ": no answer from TikTok Shop (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TikTokApiException.mayPassLater(about + ": the call was interrupted", e);
        }
    }
}
