package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A client that accepts gzip gets the event stream compressed, each message as soon as it happens. */
class SseCompressionIT extends StandaloneIntegrationTest {

    @Test
    void streamsGzipCompressedMessagesWithoutHoldingThemBack() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(alice.baseUrl() + "/api/stream?topics=inventory"))
                .header("Authorization", "Bearer " + alice.token())
                .header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        // bytes, not a Reader: InputStreamReader would wait for more input while the inflater reports it "available"
        Thread reader = new Thread(
                () -> {
                    try (InputStream in = new GZIPInputStream(response.body())) {
                        StringBuilder line = new StringBuilder();
                        byte[] chunk = new byte[1024];
                        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                            line.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                            for (int nl = line.indexOf("\n"); nl >= 0; nl = line.indexOf("\n")) {
                                lines.add(line.substring(0, nl));
                                line.delete(0, nl + 1);
                            }
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                },
                "gzip-sse-client");
        reader.setDaemon(true);
        reader.start();

        String sku = "GZ-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(alice.put("/api/inventory/" + sku, Map.of("onHand", 5, "lowStockThreshold", 0))
                        .status())
                .isEqualTo(201);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            seen = line != null && line.startsWith("data:") && line.contains(sku);
        }
        response.body().close();
        assertThat(seen)
                .as("stock.changed for " + sku + " arrived through the gzip stream")
                .isTrue();
    }
}
