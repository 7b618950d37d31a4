package io.syncline.live.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers what a client would have received. */
class RecordingSink implements StreamSink {

    private final List<StreamMessage> messages = new ArrayList<>();
    final AtomicInteger heartbeats = new AtomicInteger();
    volatile boolean closed;
    /** Closed because its resume point was not kept ({@link #closed} is set too). */
    volatile boolean resumeExpired;

    volatile boolean failing;

    @Override
    public synchronized void send(StreamMessage message) throws IOException {
        if (failing) {
            throw new IOException("Broken pipe");
        }
        messages.add(message);
    }

    @Override
    public void heartbeat() throws IOException {
        if (failing) {
            throw new IOException("Broken pipe");
        }
        heartbeats.incrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void closeResumeExpired() {
        resumeExpired = true;
        closed = true;
    }

    synchronized List<StreamMessage> messages() {
        return List.copyOf(messages);
    }

    synchronized List<Long> ids() {
        return messages.stream().map(StreamMessage::id).toList();
    }

    synchronized List<String> types() {
        return messages.stream().map(StreamMessage::type).toList();
    }
}
