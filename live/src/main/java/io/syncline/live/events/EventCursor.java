package io.syncline.live.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The opaque paging cursor: the last position of a page, base64url-encoded. */
final class EventCursor {

    private static final String PREFIX = "p:";

    private EventCursor() {}

    static String encode(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; empty when it is not one this API handed out. */
    static Optional<Long> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            long position = Long.parseLong(text.substring(PREFIX.length()));
            return position < 0 ? Optional.empty() : Optional.of(position);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
