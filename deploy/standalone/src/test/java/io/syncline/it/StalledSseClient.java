package io.syncline.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An SSE client that asks for the stream and never reads it, offering the server a tiny receive window. */
final class StalledSseClient {

    private StalledSseClient() {
    }

    /** A connected socket whose stream request is sent; the caller closes it. */
    static Socket open(int port, String token) throws IOException {
        Socket socket = new Socket();
        // before connecting, so that the window the client offers stays small
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream request = socket.getOutputStream();
        request.write(("GET /api/stream?topics=inventory HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.flush();
        return socket;
    }
}
