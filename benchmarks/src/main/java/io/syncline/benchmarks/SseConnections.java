package io.syncline.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntConsumer;

/**
 * Many SSE connections held on a few selector threads with plain non-blocking sockets. The benchmark's
 * clients share the machine with the gateway, so they should cost as little CPU as a client can: no
 * per-connection threads, no reactive plumbing, just HTTP/1.1 with chunked decoding and line splitting.
 */
final class SseConnections implements AutoCloseable {

    private final List<Reader> readers = new ArrayList<>();
    private int next;

    SseConnections(int threads) throws IOException {
        for (int i = 0; i < threads; i++) {
            Reader reader = new Reader(Selector.open());
            Thread thread = new Thread(reader, "sse-reader-" + i);
            thread.setDaemon(true);
            thread.start();
            readers.add(reader);
        }
    }

    /**
     * Opens one connection sending {@code request} (a complete HTTP/1.1 request head); {@code status} gets
     * the response status, or -1 when the connection failed before one arrived. On 200 the body's lines go
     * to {@code client}.
     */
    void open(InetSocketAddress address, String request, SseClient client, IntConsumer status) {
        Reader reader = readers.get(next++ % readers.size());
        reader.pending.add(new Connection(address, request.getBytes(StandardCharsets.ISO_8859_1), client, status));
        reader.selector.wakeup();
    }

    @Override
    public void close() throws IOException {
        for (Reader reader : readers) {
            reader.stopped = true;
            reader.selector.wakeup();
        }
    }

    /** One selector thread and its connections. */
    private static final class Reader implements Runnable {
        final Selector selector;
        final Queue<Connection> pending = new ConcurrentLinkedQueue<>();
        final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        final byte[] bytes = new byte[64 * 1024];
        volatile boolean stopped;

        Reader(Selector selector) {
            this.selector = selector;
        }

        @Override
        public void run() {
            try (selector) {
                while (!stopped) {
                    selector.select();
                    for (Connection c; (c = pending.poll()) != null; ) {
                        c.start(selector);
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        Connection c = (Connection) key.attachment();
                        try {
                            c.ready(key, buffer, bytes);
                        } catch (IOException | RuntimeException e) {
                            c.fail(key);
                        }
                    }
                    selector.selectedKeys().clear();
                }
                for (SelectionKey key : selector.keys()) {
                    ((Connection) key.attachment()).fail(key);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One connection's HTTP state: response head, then (chunked) body split into SSE lines. */
    private static final class Connection {
        private enum State {
            HEAD,
            CHUNK_SIZE,
            CHUNK_DATA,
            CHUNK_END,
            BODY,
            CLOSED
        }

        final InetSocketAddress address;
        final ByteBuffer request;
        final SseClient client;
        final IntConsumer status;
        SocketChannel channel;
        State state = State.HEAD;
        final StringBuilder head = new StringBuilder();
        final StringBuilder chunkSize = new StringBuilder();
        long chunkLeft;
        boolean statusReported;
        boolean opened;
        /** The current line's bytes, until its {@code \n}. */
        byte[] line = new byte[512];

        int lineLength;

        Connection(InetSocketAddress address, byte[] request, SseClient client, IntConsumer status) {
            this.address = address;
            this.request = ByteBuffer.wrap(request);
            this.client = client;
            this.status = status;
        }

        void start(Selector selector) {
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.connect(address);
                channel.register(selector, SelectionKey.OP_CONNECT, this);
            } catch (IOException e) {
                reportStatus(-1);
                closeQuietly();
            }
        }

        void ready(SelectionKey key, ByteBuffer buffer, byte[] bytes) throws IOException {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable()) {
                channel.write(request);
                if (!request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable()) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    fail(key);
                    return;
                }
                buffer.flip();
                buffer.get(bytes, 0, n);
                consume(bytes, 0, n);
                if (state == State.CLOSED) {
                    fail(key);
                }
            }
        }

        /** Feeds received bytes through the response's states. */
        void consume(byte[] bytes, int from, int to) {
            int i = from;
            while (i < to && state != State.CLOSED) {
                switch (state) {
                    case HEAD -> i = head(bytes, i, to);
                    case CHUNK_SIZE -> {
                        char ch = (char) bytes[i++];
                        if (ch == '\n') {
                            String size = chunkSize.toString().trim();
                            int ext = size.indexOf(';');
                            chunkLeft = Long.parseLong(ext < 0 ? size : size.substring(0, ext), 16);
                            chunkSize.setLength(0);
                            state = chunkLeft == 0 ? State.CLOSED : State.CHUNK_DATA;
                        } else {
                            chunkSize.append(ch);
                        }
                    }
                    case CHUNK_DATA -> {
                        int end = (int) Math.min(to, i + chunkLeft);
                        lines(bytes, i, end);
                        chunkLeft -= end - i;
                        i = end;
                        if (chunkLeft == 0) {
                            state = State.CHUNK_END;
                        }
                    }
                    case CHUNK_END -> {
                        // the CRLF after a chunk's data
                        if (bytes[i++] == '\n') {
                            state = State.CHUNK_SIZE;
                        }
                    }
                    case BODY -> {
                        lines(bytes, i, to);
                        i = to;
                    }
                    default -> i = to;
                }
            }
        }

        private int head(byte[] bytes, int i, int to) {
            while (i < to) {
                head.append((char) bytes[i++]);
                int length = head.length();
                if (length >= 4 && head.charAt(length - 1) == '\n' && head.charAt(length - 3) == '\n') {
                    String text = head.toString();
                    int code = Integer.parseInt(text.substring(9, 12));
                    if (code != 200) {
                        reportStatus(code);
                        state = State.CLOSED;
                        return to;
                    }
                    opened = true;
                    client.opened();
                    reportStatus(code);
                    state = text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")
                            ? State.CHUNK_SIZE
                            : State.BODY;
                    return i;
                }
            }
            return i;
        }

        private void lines(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
                    client.line(new String(line, 0, length, StandardCharsets.UTF_8));
                    lineLength = 0;
                } else {
                    if (lineLength == line.length) {
                        line = java.util.Arrays.copyOf(line, line.length * 2);
                    }
                    line[lineLength++] = b;
                }
            }
        }

        private void reportStatus(int code) {
            if (!statusReported) {
                statusReported = true;
                status.accept(code);
            }
        }

        void fail(SelectionKey key) {
            key.cancel();
            closeQuietly();
        }

        private void closeQuietly() {
            reportStatus(-1);
            if (opened) {
                opened = false;
                client.closed();
            }
            state = State.CLOSED;
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
