package io.syncline.live.stream;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of the live stream. Immutable and shared by every subscriber, so each wire encoding is
 * built once per message, not once per client.
 */
public final class StreamMessage {

    private final long id;
    private final String merchantId;
    private final StreamTopic topic;
    private final String type;
    private final String data;
    private final Instant createdAt;
    private volatile String sseFrame;
    private volatile String jsonFrame;
    private volatile String coalescingKey;
    private static final java.util.regex.Pattern SKU =
            java.util.regex.Pattern.compile("\"sku\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * @param data the payload as a JSON object on one line; it includes {@code merchantId}
     */
    public StreamMessage(long id, String merchantId, StreamTopic topic, String type, String data, Instant createdAt) {
        this.id = id;
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.type = Objects.requireNonNull(type, "type");
        this.data = Objects.requireNonNull(data, "data");
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public StreamTopic topic() {
        return topic;
    }

    public String type() {
        return type;
    }

    public String data() {
        return data;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The complete Server-Sent Events frame ({@code id:}, {@code event:}, {@code data:}), built on first use. */
    public String sseFrame() {
        String frame = sseFrame;
        if (frame == null) {
            // a JSON encoder writes no raw line breaks; split anyway so a stray one cannot end the event early
            String dataLines = data.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\ndata: ");
            // a live-only message (negative id) must not move the client's Last-Event-ID
            frame = (id >= 0 ? "id: " + id + "\n" : "") + "event: " + type + "\ndata: " + dataLines + "\n\n";
            sseFrame = frame;
        }
        return frame;
    }

    /** For {@code stock.changed}: its SKU, which newer changes of supersede; null for any other message. */
    public String coalescingKey() {
        if (!"stock.changed".equals(type)) {
            return null;
        }
        String key = coalescingKey;
        if (key == null) {
            java.util.regex.Matcher matcher = SKU.matcher(data);
            key = matcher.find() ? matcher.group(1) : "";
            coalescingKey = key;
        }
        return key.isEmpty() ? null : key;
    }

    /** The message as one JSON object {@code {"id","type","data"}} (a WebSocket text frame), built on first use. */
    public String jsonFrame() {
        String frame = jsonFrame;
        if (frame == null) {
            frame = "{\"id\":" + id + ",\"type\":" + jsonString(type) + ",\"data\":" + data + "}";
            jsonFrame = frame;
        }
        return frame;
    }

    @Override
    public String toString() {
        return "StreamMessage[" + id + " " + type + " " + merchantId + "]";
    }

    private static String jsonString(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
