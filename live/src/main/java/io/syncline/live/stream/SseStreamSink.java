package io.syncline.live.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A stream client over Server-Sent Events: writes each message's prebuilt frame as it is. */
final class SseStreamSink implements StreamSink {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final String HEARTBEAT = ": heartbeat\n\n";

    private final SseEmitter emitter;

    SseStreamSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    /** Tells the client how long to wait before reconnecting. */
    void retryHint(Duration retry) throws IOException {
        write("retry: " + retry.toMillis() + "\n\n");
    }

    @Override
    public void send(StreamMessage message) throws IOException {
        write(message.sseFrame());
    }

    /** Every pending frame in one write and one flush. */
    @Override
    public void sendAll(List<StreamMessage> messages) throws IOException {
        if (messages.size() == 1) {
            send(messages.get(0));
            return;
        }
        StringBuilder frames = new StringBuilder();
        for (StreamMessage message : messages) {
            frames.append(message.sseFrame());
        }
        write(frames.toString());
    }

    @Override
    public void heartbeat() throws IOException {
        write(HEARTBEAT);
    }

    @Override
    public void close() {
        emitter.complete();
    }

    /** Ends the response: the client reconnects with its last id, which is then refused with 410. */
    @Override
    public void closeResumeExpired() {
        emitter.complete();
    }

    private void write(String frame) throws IOException {
        // raw text, not SseEmitter.event(): the frame is encoded once per message for every client
        emitter.send(Set.of(new DataWithMediaType(frame, TEXT)));
    }
}
