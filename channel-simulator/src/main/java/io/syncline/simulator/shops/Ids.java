package io.syncline.simulator.shops;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids as the platforms hand them out: 18-digit integers, above 2^53 on purpose, so a client that reads them as
 * doubles loses digits here as it would against the real platforms. Unique within one simulator.
 */
public final class Ids {

    private static final long FLOOR = 100_000_000_000_000_000L;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong next;

    public Ids() {
        next = new AtomicLong(FLOOR + Math.floorMod(random.nextLong(), 4 * FLOOR));
    }

    /** A fresh id, digits only. */
    public String next() {
        return Long.toString(next.addAndGet(1 + random.nextInt(997)));
    }

    /** A random secret or token: {@code prefix} followed by 32 hex digits. */
    public String secret(String prefix) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    public String uuid() {
        return UUID.randomUUID().toString();
    }

    /** TikTok's request ids: a timestamp and 18 hex digits, upper case. */
    public String requestId(Instant at) {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(ZoneOffset.UTC)
                .format(at);
        return stamp + HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
