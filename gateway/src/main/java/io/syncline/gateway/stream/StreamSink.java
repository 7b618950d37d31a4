package io.syncline.gateway.stream;

import java.io.IOException;

/**
 * One client's transport (SSE today). The hub calls a sink from one thread at a time per subscription,
 * in id order; a failing call ends the subscription.
 */
public interface StreamSink {

    /** Writes one message. */
    void send(StreamMessage message) throws IOException;

    /** Writes something that keeps an idle connection open and detects a client that went away. */
    void heartbeat() throws IOException;

    /** Ends the transport; called once, when the hub drops the subscription. */
    void close();

    /** Ends the transport of a client that fell too far behind (it may resume by id); called instead of {@link #close()}. */
    default void closeTooSlow() {
        close();
    }
}
