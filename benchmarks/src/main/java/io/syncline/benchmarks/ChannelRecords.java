package io.syncline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a channel benchmark run recorded and its figures are worked out from: the window's times, the
 * application's events and deliveries, the shops' request and webhook logs, the drifts made in the shops and the
 * conflicts that came of them ({@code conflicts}: null in records of runs before those), and the counters. Written
 * to {@code records.json} in the run's directory, so that a kept run can be reported again ({@code --report}).
 */
record ChannelRecords(
        String header,
        Instant windowStart,
        Instant windowEnd,
        Instant settled,
        Map<String, Long> skippedByShop,
        Map<String, List<ChannelLatency.ShopOrder>> shopOrders,
        double appCpuMillis,
        double benchCpuMillis,
        String loadBefore,
        String loadAfter,
        List<JsonNode> events,
        Map<String, List<JsonNode>> deliveries,
        Map<String, List<ShopRequests.Entry>> requests,
        Map<String, List<ShopWebhooks.Copy>> webhooks,
        int logGaps,
        int listingsInSync,
        int listings,
        String appLog,
        long appErrorLines,
        long appPushFailures,
        List<String> appErrorSample,
        ChannelDrifts.Run conflicts) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }

    static ChannelRecords read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ChannelRecords.class);
    }
}
