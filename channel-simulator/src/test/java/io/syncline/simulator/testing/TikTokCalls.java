package io.syncline.simulator.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Calls to a TikTok Shop API signed the way Syncline's adapter signs them, with hooks to spoil a part. */
public final class TikTokCalls {

    private final URI apiBaseUrl;
    private final String appKey;
    private final String appSecret;
    private final String accessToken;
    private final String shopCipher;
    private final Clock clock;

    public TikTokCalls(
            URI apiBaseUrl, String appKey, String appSecret, String accessToken, String shopCipher, Clock clock) {
        this.apiBaseUrl = apiBaseUrl;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.accessToken = accessToken;
        this.shopCipher = shopCipher;
        this.clock = clock;
    }

    public Http.Answer get(String apiPath, Map<String, String> extra) {
        return call("GET", apiPath, extra, null, UnaryOperator.identity(), true, accessToken);
    }

    public Http.Answer post(String apiPath, String body) {
        return call("POST", apiPath, Map.of(), body, UnaryOperator.identity(), true, accessToken);
    }

    /**
     * A call whose query may be changed after signing ({@code afterSigning}), signed over the full path or over
     * TikTok's own path only, with this token.
     */
    public Http.Answer call(
            String method,
            String apiPath,
            Map<String, String> extra,
            String body,
            UnaryOperator<Map<String, String>> afterSigning,
            boolean signFullPath,
            String token) {
        Map<String, String> query = new LinkedHashMap<>(extra);
        query.put("app_key", appKey);
        query.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        query.put("shop_cipher", shopCipher);
        String fullPath = apiBaseUrl.getPath() + apiPath;
        query.put("sign", Signatures.tiktokSign(appSecret, signFullPath ? fullPath : apiPath, query, body));
        Map<String, String> sent = afterSigning.apply(new LinkedHashMap<>(query));
        String encoded = sent.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(apiBaseUrl.resolve(fullPath + "?" + encoded))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("x-tts-access-token", token);
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return Http.send(request, Duration.ofSeconds(10));
    }
}
