package io.syncline.simulator.tiktok;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TikTok Shop's signatures: a request's {@code sign} (lowercase hex HMAC-SHA256 under the app secret of
 * {@code secret + path + sorted name-value pairs (without sign and access_token) + raw body + secret}) and a
 * webhook's {@code Authorization} (the same HMAC of {@code app key + raw body}).
 */
final class TikTokSignature {

    private TikTokSignature() {}

    static String sign(String appSecret, String path, Map<String, String> query, byte[] body) {
        Map<String, String> sorted = new TreeMap<>(query);
        sorted.remove("sign");
        sorted.remove("access_token");
        StringBuilder head = new StringBuilder(appSecret).append(path);
        sorted.forEach((name, value) -> head.append(name).append(value));
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            message.writeBytes(body);
        }
        message.writeBytes(appSecret.getBytes(StandardCharsets.UTF_8));
        return hmacHex(appSecret, message.toByteArray());
    }

    static String webhook(String appKey, String appSecret, byte[] body) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(appKey.getBytes(StandardCharsets.UTF_8));
        message.writeBytes(body);
        return hmacHex(appSecret, message.toByteArray());
    }

    private static String hmacHex(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
