package io.syncline.gateway.channels.tiktok;

import io.syncline.gateway.channels.testing.ChannelFixtures;

/** The test payloads under channels/tiktok (sources in their README). */
final class Fixtures {

    private Fixtures() {}

    static byte[] bytes(String name) {
        return ChannelFixtures.bytes("tiktok/" + name);
    }

    static String text(String name) {
        return ChannelFixtures.text("tiktok/" + name);
    }

    /** Lowercase hex HMAC-SHA256, computed apart from the code under test. */
    static String hmacHex(String key, String message) {
        return ChannelFixtures.hmacHex(key, message);
    }
}
