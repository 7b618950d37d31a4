package io.syncline.gateway.channels.tiktok;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TikTok Shop's request signature: lowercase hex of HMAC-SHA256 keyed with the app secret over
 * {@code secret + path + sorted name-value pairs + raw body + secret}.
 */
public final class TikTokSigner {

    private TikTokSigner() {}

    /**
     * The {@code sign} query parameter for a request.
     *
     * @param query every query parameter; {@code sign} and {@code access_token} are left out, as TikTok does
     * @param body  the exact bytes sent; null or empty for a GET
     */
    public static String sign(String appSecret, String path, Map<String, String> query, byte[] body) {
        Map<String, String> sorted = new TreeMap<>(query);
        sorted.remove("sign");
        sorted.remove("access_token");
        StringBuilder head = new StringBuilder(appSecret).append(path);
        sorted.forEach((name, value) -> head.append(name).append(value));
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        // the body goes in as sent: re-encoding it would sign other bytes than TikTok receives
        if (body != null) {
            message.writeBytes(body);
        }
        message.writeBytes(appSecret.getBytes(StandardCharsets.UTF_8));
        return hmacHex(appSecret, message.toByteArray());
    }

    static String hmacHex(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
