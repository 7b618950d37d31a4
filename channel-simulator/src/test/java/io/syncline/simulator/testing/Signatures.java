package io.syncline.simulator.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The platforms' signatures written out again from their documentation, independent of the simulator's code. */
public final class Signatures {

    private Signatures() {}

    public static byte[] hmacSha256(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shopify: base64 of HMAC-SHA256 of the raw body under the app's client secret. */
    public static String shopify(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, body));
    }

    /** TikTok Shop's webhook: hex HMAC-SHA256 under the app secret of app key followed by the raw body. */
    public static String tiktokWebhook(String appKey, String appSecret, byte[] body) {
        byte[] keyBytes = appKey.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[keyBytes.length + body.length];
        System.arraycopy(keyBytes, 0, message, 0, keyBytes.length);
        System.arraycopy(body, 0, message, keyBytes.length, body.length);
        return HexFormat.of().formatHex(hmacSha256(appSecret, message));
    }

    /** TikTok Shop's request sign: secret + path + sorted name-value pairs + body + secret, hex HMAC-SHA256. */
    public static String tiktokSign(String appSecret, String path, Map<String, String> query, String body) {
        StringBuilder signed = new StringBuilder(appSecret).append(path);
        new TreeMap<>(query).forEach((name, value) -> {
            if (!name.equals("sign") && !name.equals("access_token")) {
                signed.append(name).append(value);
            }
        });
        signed.append(body == null ? "" : body).append(appSecret);
        return HexFormat.of().formatHex(hmacSha256(appSecret, signed.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
