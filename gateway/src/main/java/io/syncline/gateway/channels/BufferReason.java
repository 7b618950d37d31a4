package io.syncline.gateway.channels;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;

/**
 * Why a listing holds back what it does. {@code FIXED}: the channel's {@code bufferStock}. {@code AUTO}: the
 * units the channel is expected to sell while a push is in flight, ceil({@code unitsPerDay} ÷ 86,400 ×
 * {@code pushLagP99Ms} ÷ 1,000 × {@code safetyFactor}), at most {@code bufferMax}; {@code lagMeasured} is false
 * while the channel has no acknowledged push to measure (the default lag is taken), {@code computedAt} null
 * before the first computation (the channel's last fixed buffer holds meanwhile).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BufferReason(
        BufferMode mode,
        @JsonIgnore int buffer,
        Double unitsPerDay,
        Long pushLagP99Ms,
        Boolean lagMeasured,
        Double safetyFactor,
        Integer bufferMax,
        Instant computedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static BufferReason of(ChannelSettings settings, Integer autoBuffer, String computed) {
        if (settings.bufferMode() != BufferMode.AUTO) {
            return new BufferReason(BufferMode.FIXED, settings.bufferStock(), null, null, null, null, null, null);
        }
        if (autoBuffer == null || computed == null) {
            return new BufferReason(
                    BufferMode.AUTO, settings.bufferStock(), null, null, null, null, settings.bufferMax(), null);
        }
        try {
            JsonNode figures = JSON.readTree(computed);
            return new BufferReason(
                    BufferMode.AUTO,
                    autoBuffer,
                    figures.path("unitsPerDay").asDouble(),
                    figures.path("pushLagP99Ms").asLong(),
                    figures.path("lagMeasured").asBoolean(),
                    figures.path("safetyFactor").asDouble(),
                    figures.hasNonNull("bufferMax") ? figures.get("bufferMax").asInt() : null,
                    figures.hasNonNull("computedAt")
                            ? Instant.parse(figures.get("computedAt").asText())
                            : null);
        } catch (IOException | RuntimeException unreadable) {
            return new BufferReason(BufferMode.AUTO, autoBuffer, null, null, null, null, settings.bufferMax(), null);
        }
    }
}
