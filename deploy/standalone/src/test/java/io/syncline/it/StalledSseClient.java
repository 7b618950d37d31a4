package io.syncline.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An SSE client that asks for the stream and never reads it, offering the server a tiny receive window. */
final class StalledSseClient {

    private StalledSseClient() {}

    /** A connected socket whose stream request is sent; the caller closes it. */
    static Socket open(int port, String token) throws IOException {
        Socket socket = new Socket();
        // before connecting, so that the window the client offers stays small
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream request = socket.getOutputStream();
        request.write(("GET /api/stream?topics=inventory HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Bearer "
                        + token + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.flush();
        return socket;
    }

    /** What the server sent before it ended the response: the first bytes (up to 512) and the count. */
    record Drained(String head, long total) {}

    /** Reads to the end of the stream (the server closes it once it dropped the client), at most 30 s per read. */
    static Drained drain(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            if (head.size() < 512) {
                head.write(chunk, 0, Math.min(n, 512));
            }
            total += n;
        }
        return new Drained(head.toString(StandardCharsets.US_ASCII), total);
    }
}
