package io.syncline.live.stream.ws;

import io.syncline.gateway.security.Caller;
import io.syncline.live.stream.StreamHub;
import io.syncline.live.stream.StreamMessage;
import io.syncline.live.stream.StreamSink;
import io.syncline.live.stream.StreamSubscription;
import io.syncline.live.stream.StreamTopic;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One WebSocket connection: its caller, its current hub subscription and the newest id sent. A new
 * {@code subscribe} or {@code resumeAfter} replaces the subscription; the old one's sink is detached under
 * the same lock that sends, so nothing is sent twice or skipped across the switch.
 */
final class WebSocketClient {

    private static final Logger log = LoggerFactory.getLogger(WebSocketClient.class);

    private final StreamHub hub;
    private final Caller caller;
    private final WebSocketSession session;
    private final PendingAcks acks;
    private final PendingAcks.Key key;

    private final Object lock = new Object();
    /** Guarded by {@code lock}. */
    private StreamSubscription subscription;

    private Sink sink;
    private Set<StreamTopic> topics = EnumSet.allOf(StreamTopic.class);
    private long lastSentId = -1;
    private boolean coalesce;
    private boolean disconnected;

    WebSocketClient(StreamHub hub, Caller caller, WebSocketSession session, PendingAcks acks) {
        this.hub = hub;
        this.caller = caller;
        this.session = session;
        this.acks = acks;
        this.key = new PendingAcks.Key(caller.userId(), caller.merchantId());
    }

    Caller caller() {
        return caller;
    }

    /** Whose acknowledgements this connection's are. */
    PendingAcks.Key key() {
        return key;
    }

    /**
     * (Re)subscribes: to {@code newTopics} (null keeps the current ones), after {@code resumeAfter} (null:
     * after the last message sent, or live from now on the first subscription).
     */
    void subscribe(Set<StreamTopic> newTopics, Long resumeAfter, Boolean newCoalesce) {
        if (resumeAfter != null && !hub.resumable(resumeAfter)) {
            // nothing is sent: the client reloads its state and subscribes again without resumeAfter
            disconnected();
            closeSession(WebSocketStreamHandler.RESUME_EXPIRED);
            return;
        }
        StreamSubscription previous;
        Long after;
        Sink next;
        synchronized (lock) {
            if (disconnected) {
                return;
            }
            if (newTopics != null) {
                topics = Set.copyOf(newTopics);
            }
            if (newCoalesce != null) {
                coalesce = newCoalesce;
            }
            previous = subscription;
            if (sink != null) {
                sink.detached = true;
            }
            after = resumeAfter != null ? resumeAfter : previous != null && lastSentId >= 0 ? lastSentId : null;
            if (resumeAfter != null) {
                lastSentId = resumeAfter;
            }
            next = new Sink();
            sink = next;
        }
        if (previous != null) {
            previous.cancel();
        }
        StreamSubscription created = hub.subscribe(caller.merchantId(), topics, after, next, coalesce);
        synchronized (lock) {
            if (sink == next && !disconnected) {
                subscription = created;
            } else {
                next = null;
            }
        }
        if (next == null) {
            created.cancel();
            return;
        }
        // critical messages an earlier connection did not acknowledge
        redeliver(Duration.ZERO);
    }

    /** The client has this critical message. */
    void ack(long id) {
        try {
            acks.ack(key, id);
        } catch (RuntimeException e) {
            // the message is sent again until the database takes the acknowledgement
            log.warn("Recording a stream acknowledgement failed: {}", e.toString());
        }
    }

    /**
     * Sends again the critical messages of its user and merchant, in its topics, that are still unacknowledged
     * and were last sent at least {@code notSince} ago. Only once subscribed.
     */
    void redeliver(Duration notSince) {
        synchronized (lock) {
            if (disconnected || subscription == null || sink == null || sink.detached) {
                return;
            }
            List<StreamMessage> due;
            try {
                due = acks.due(key, notSince);
            } catch (RuntimeException e) {
                log.warn("Reading unacknowledged stream messages failed: {}", e.toString());
                return;
            }
            for (StreamMessage message : due) {
                if (topics.contains(message.topic())) {
                    try {
                        session.sendMessage(new TextMessage(message.jsonFrame()));
                    } catch (IOException | RuntimeException e) {
                        log.debug("Redelivering to a stream client failed: {}", e.toString());
                        return;
                    }
                }
            }
        }
    }

    /** Tells the client that its message could not be handled. */
    void error(String detail) {
        String frame = "{\"type\":\"error\",\"data\":{\"detail\":" + quote(detail) + "}}";
        try {
            session.sendMessage(new TextMessage(frame));
        } catch (IOException | RuntimeException e) {
            log.debug("Could not answer a stream client: {}", e.toString());
        }
    }

    /** The connection is gone: forget the subscription. */
    void disconnected() {
        StreamSubscription current;
        synchronized (lock) {
            disconnected = true;
            current = subscription;
            subscription = null;
            if (sink != null) {
                sink.detached = true;
            }
        }
        if (current != null) {
            current.cancel();
        }
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The hub's view of this connection for one subscription. */
    private final class Sink implements StreamSink {

        /** Guarded by {@code lock}: once replaced, this sink sends nothing more. */
        private boolean detached;

        @Override
        public void send(StreamMessage message) throws IOException {
            synchronized (lock) {
                if (detached) {
                    return;
                }
                boolean liveOnly = message.id() < 0;
                if (!liveOnly && message.id() <= lastSentId) {
                    return;
                }
                if (PendingAcks.isCritical(message)) {
                    // recorded before it is sent: an ack that comes back at once must find the row to delete
                    try {
                        acks.sent(key, message);
                    } catch (RuntimeException e) {
                        // delivered all the same; only its redelivery is lost
                        log.warn("Recording an unacknowledged stream message failed: {}", e.toString());
                    }
                }
                session.sendMessage(new TextMessage(message.jsonFrame()));
                if (!liveOnly) {
                    lastSentId = message.id();
                }
            }
        }

        @Override
        public void heartbeat() throws IOException {
            synchronized (lock) {
                if (!detached) {
                    session.sendMessage(new PingMessage());
                }
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (detached) {
                    return;
                }
                detached = true;
            }
            closeSession(CloseStatus.GOING_AWAY);
        }

        @Override
        public void closeTooSlow() {
            synchronized (lock) {
                if (detached) {
                    return;
                }
                detached = true;
            }
            closeSession(WebSocketStreamHandler.TOO_MANY_OR_TOO_SLOW.withReason("Too far behind; resume by id"));
        }

        @Override
        public void closeResumeExpired() {
            synchronized (lock) {
                if (detached) {
                    return;
                }
                detached = true;
            }
            closeSession(WebSocketStreamHandler.RESUME_EXPIRED);
        }
    }

    private void closeSession(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing a stream client failed: {}", e.toString());
        }
    }
}
