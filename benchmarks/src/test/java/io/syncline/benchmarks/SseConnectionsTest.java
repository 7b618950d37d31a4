package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmark's socket client against a server that splits its chunked stream at awkward places. */
class SseConnectionsTest {

    @Test
    void decodesChunkedEventsSplitAcrossReadsAndSeesTheEnd() throws Exception {
        SseClient.Stats stats = new SseClient.Stats();
        long now = SseClient.nowMicros();
        stats.window(now - TimeUnit.SECONDS.toMicros(10), now + TimeUnit.SECONDS.toMicros(10));
        String frames = "retry: 3000\n\n"
                + "id: 1\nevent: stock.changed\ndata: {\"at\":\"" + Instant.now() + "\"}\n\n"
                + "id: 2\r\nevent: stock.changed\r\ndata: {\"at\":\"" + Instant.now() + "\"}\r\n\r\n";
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                SseConnections connections = new SseConnections(1)) {
            CompletableFuture<Integer> status = new CompletableFuture<>();
            connections.open(
                    new InetSocketAddress(server.getInetAddress(), server.getLocalPort()),
                    "GET /api/stream HTTP/1.1\r\nHost: x\r\n\r\n",
                    new SseClient(stats),
                    status::complete);
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                byte[] body = frames.getBytes(StandardCharsets.UTF_8);
                int half = body.length / 2;
                String response =
                        "HTTP/1.1 200 \r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + Integer.toHexString(half) + "\r\n";
                // every piece on its own, so the client sees the chunk boundaries in separate reads
                for (byte[] piece : new byte[][] {
                    response.getBytes(StandardCharsets.ISO_8859_1),
                    java.util.Arrays.copyOfRange(body, 0, 7),
                    java.util.Arrays.copyOfRange(body, 7, half),
                    ("\r\n" + Integer.toHexString(body.length - half) + "\r").getBytes(StandardCharsets.ISO_8859_1),
                    "\n".getBytes(StandardCharsets.ISO_8859_1),
                    java.util.Arrays.copyOfRange(body, half, body.length),
                    "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)
                }) {
                    out.write(piece);
                    out.flush();
                    Thread.sleep(20);
                }
                assertThat(status.get(5, TimeUnit.SECONDS)).isEqualTo(200);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (stats.closed.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
        }
        assertThat(stats.delivered.sum()).isEqualTo(2);
        assertThat(stats.unparsable.sum()).isZero();
        assertThat(stats.closed.get()).isEqualTo(1);
        assertThat(stats.open.get()).isZero();
    }

    @Test
    void reportsARefusalsStatus() throws Exception {
        SseClient.Stats stats = new SseClient.Stats();
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                SseConnections connections = new SseConnections(1)) {
            CompletableFuture<Integer> status = new CompletableFuture<>();
            connections.open(
                    new InetSocketAddress(server.getInetAddress(), server.getLocalPort()),
                    "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                    new SseClient(stats),
                    status::complete);
            try (Socket socket = server.accept()) {
                socket.getOutputStream()
                        .write("HTTP/1.1 429 \r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertThat(status.get(5, TimeUnit.SECONDS)).isEqualTo(429);
            }
        }
        assertThat(stats.open.get()).isZero();
    }
}
