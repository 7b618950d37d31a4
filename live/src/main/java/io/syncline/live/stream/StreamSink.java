package io.syncline.live.stream;

import java.io.IOException;
import java.util.List;

/**
 * One client's transport (SSE today). The hub calls a sink from one thread at a time per subscription,
 * in id order; a failing call ends the subscription.
 */
public interface StreamSink {

    /** Writes one message. */
    void send(StreamMessage message) throws IOException;

    /**
     * Writes the messages in order; a transport that can should write them at once (one write and one flush),
     * which is what lets one delivery thread serve many clients.
     */
    default void sendAll(List<StreamMessage> messages) throws IOException {
        for (StreamMessage message : messages) {
            send(message);
        }
    }

    /** Writes something that keeps an idle connection open and detects a client that went away. */
    void heartbeat() throws IOException;

    /** Ends the transport; called once, when the hub drops the subscription. */
    void close();

    /** Ends the transport of a client that fell too far behind (it may resume by id); called instead of {@link #close()}. */
    default void closeTooSlow() {
        close();
    }

    /**
     * Ends the transport of a client whose resume point is older than the retention window (or was never
     * handed out): it must reload its state and reconnect without a resume id. Called instead of {@link #close()}.
     */
    default void closeResumeExpired() {
        close();
    }
}
