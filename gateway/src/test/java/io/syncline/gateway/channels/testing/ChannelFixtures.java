package io.syncline.gateway.channels.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platforms' payloads under {@code channels/} (their sources in the README or SOURCES.md beside them) and
 * the signatures the platforms put on them, computed apart from the code under test.
 */
public final class ChannelFixtures {

    private ChannelFixtures() {}

    /** A fixture's bytes, e.g. {@code shopify/orders-create.json}. */
    public static byte[] bytes(String path) {
        try (InputStream in = ChannelFixtures.class.getResourceAsStream("/channels/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static byte[] hmacSha256(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lowercase hex HMAC-SHA256: TikTok Shop's signatures. */
    public static String hmacHex(String key, String message) {
        return HexFormat.of().formatHex(hmacSha256(key, message.getBytes(StandardCharsets.UTF_8)));
    }

    /** Shopify's {@code X-Shopify-Hmac-Sha256} of a body. */
    public static String shopifySignature(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, body));
    }

    /** TikTok Shop's webhook {@code Authorization}: hex HMAC-SHA256 of the app key followed by the body. */
    public static String tiktokSignature(String appKey, String appSecret, byte[] body) {
        byte[] key = appKey.getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[key.length + body.length];
        System.arraycopy(key, 0, signed, 0, key.length);
        System.arraycopy(body, 0, signed, key.length, body.length);
        return HexFormat.of().formatHex(hmacSha256(appSecret, signed));
    }
}
