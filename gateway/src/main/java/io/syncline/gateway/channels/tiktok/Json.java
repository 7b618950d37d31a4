package io.syncline.gateway.channels.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;

/** Reading TikTok's JSON without losing digits: ids come as strings or as numbers past 2^53. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The object in {@code body}, or null when it is not a JSON object. */
    static JsonNode object(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A string or an integer exactly as written (Jackson keeps integers as long or BigInteger); else null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText();
        }
        return value.isIntegralNumber() ? value.asText() : null;
    }

    /** Unix seconds, written as a number or a string; null when absent. */
    static Instant seconds(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.ofEpochSecond(Long.parseLong(text.trim()));
    }
}
