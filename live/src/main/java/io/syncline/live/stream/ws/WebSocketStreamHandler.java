package io.syncline.live.stream.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.gateway.security.Caller;
import io.syncline.live.stream.StreamConnections;
import io.syncline.live.stream.StreamHub;
import io.syncline.live.stream.StreamTopic;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The stream protocol on {@code /ws}. Client messages are JSON objects: {@code {"subscribe":[topics]}}
 * starts (or changes) the subscription, live from now or, on a change, gap-free from the last message
 * sent ({@code "coalesce": true} alongside collapses bursts of {@code stock.changed} per SKU within
 * {@code syncline.stream.coalesce-window});
 * {@code {"resumeAfter": id}} (alone or together with {@code subscribe}) resumes after that id like
 * {@code Last-Event-ID}, and closes the connection with code 4410 when that id is older than the retention
 * window or was never handed out; {@code {"ack": id}} acknowledges a critical message. Server messages are the
 * stream's {@code {"id","type","data"}} frames, and {@code {"type":"error","data":{"detail"}}} for a client
 * message that could not be understood. {@code stock.low}, {@code stock.stockout-predicted} and {@code health.changed} are sent again (same id)
 * until acknowledged: at each (re)subscription and every {@code ack-redelivery}, on whichever gateway the
 * client is connected to ({@link PendingAcks} keeps them in the database); clients deduplicate by id.
 */
@Component
class WebSocketStreamHandler extends TextWebSocketHandler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebSocketStreamHandler.class);

    static final String CLIENT = WebSocketClient.class.getName();
    /** A client message larger than this is refused. */
    static final int MAX_CLIENT_MESSAGE = 8 * 1024;

    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 1024 * 1024;

    /** Close code for a user over its cap or a client that fell too far behind (policy violation). */
    static final CloseStatus TOO_MANY_OR_TOO_SLOW = CloseStatus.POLICY_VIOLATION;
    /** Close code when the instance holds all the streams it may (try again later). */
    static final CloseStatus INSTANCE_FULL = CloseStatus.SERVICE_OVERLOAD;
    /**
     * Close code when {@code resumeAfter} is older than the retention window or was never handed out (4410,
     * after HTTP 410 Gone): the client reloads its state and subscribes without {@code resumeAfter}.
     */
    static final CloseStatus RESUME_EXPIRED =
            new CloseStatus(4410, "resume point expired: reload and subscribe without resumeAfter");

    static final String PERMIT = StreamConnections.Permit.class.getName();

    private final StreamHub hub;
    private final ObjectMapper json;
    private final StreamConnections connections;
    private final PendingAcks acks;
    private final Set<WebSocketClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService redelivery;

    WebSocketStreamHandler(
            StreamHub hub,
            ObjectMapper json,
            StreamConnections connections,
            PendingAcks acks,
            AckProperties ackProperties) {
        this.hub = hub;
        this.json = json;
        this.connections = connections;
        this.acks = acks;
        this.redelivery = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stream-ack-redelivery");
            thread.setDaemon(true);
            return thread;
        });
        Duration every = ackProperties.ackRedelivery();
        redelivery.scheduleWithFixedDelay(
                () -> redeliver(every), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        redelivery.shutdownNow();
    }

    /** One query finds whose messages are due; only those clients look up theirs. */
    private void redeliver(Duration notSince) {
        if (clients.isEmpty()) {
            return;
        }
        Set<PendingAcks.Key> due;
        try {
            due = acks.dueKeys(notSince);
        } catch (RuntimeException e) {
            log.warn("Looking for unacknowledged stream messages failed: {}", e.toString());
            return;
        }
        for (WebSocketClient client : clients) {
            if (!due.contains(client.key())) {
                continue;
            }
            try {
                client.redeliver(notSince);
            } catch (RuntimeException e) {
                log.debug("Redelivery failed: {}", e.toString());
            }
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        session.setTextMessageSizeLimit(MAX_CLIENT_MESSAGE);
        Caller caller = (Caller) session.getAttributes().get(CallerHandshakeInterceptor.CALLER);
        try {
            session.getAttributes().put(PERMIT, connections.acquire(caller.userId()));
        } catch (StreamConnections.RefusedException e) {
            CloseStatus status =
                    e.refusal() == StreamConnections.Refusal.USER_LIMIT ? TOO_MANY_OR_TOO_SLOW : INSTANCE_FULL;
            session.close(status.withReason(
                    e.getMessage().length() > 120 ? e.getMessage().substring(0, 120) : e.getMessage()));
            return;
        }
        WebSocketSession concurrent =
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
        WebSocketClient client = new WebSocketClient(hub, caller, concurrent, acks);
        session.getAttributes().put(CLIENT, client);
        clients.add(client);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        WebSocketClient client = (WebSocketClient) session.getAttributes().get(CLIENT);
        if (client == null) {
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(message.getPayload());
        } catch (Exception e) {
            client.error("Not a JSON object");
            return;
        }
        if (request == null || !request.isObject()) {
            client.error("Not a JSON object");
            return;
        }
        JsonNode subscribe = request.get("subscribe");
        JsonNode resumeAfter = request.get("resumeAfter");
        JsonNode ack = request.get("ack");
        if (subscribe == null && resumeAfter == null && ack == null) {
            client.error("Expected subscribe, resumeAfter or ack");
            return;
        }
        Set<StreamTopic> topics = null;
        if (subscribe != null) {
            topics = topics(subscribe, client);
            if (topics == null) {
                return;
            }
        }
        Long after = null;
        if (resumeAfter != null) {
            if (!resumeAfter.canConvertToLong()
                    || resumeAfter.asLong() < 0
                    || !resumeAfter.isIntegralNumber() && !resumeAfter.isTextual()) {
                client.error("resumeAfter must be a message id (a non-negative integer)");
                return;
            }
            after = resumeAfter.asLong();
        }
        JsonNode coalesce = request.get("coalesce");
        if (coalesce != null && !coalesce.isBoolean()) {
            client.error("coalesce must be true or false");
            return;
        }
        if (topics != null || after != null) {
            client.subscribe(topics, after, coalesce == null ? null : coalesce.booleanValue());
        }
        if (ack != null) {
            if (!ack.canConvertToLong()) {
                client.error("ack must be a message id");
                return;
            }
            client.ack(ack.asLong());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable failure) throws Exception {
        closed(session);
        if (session.isOpen()) {
            session.close(CloseStatus.SERVER_ERROR);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        closed(session);
    }

    private void closed(WebSocketSession session) {
        WebSocketClient client = (WebSocketClient) session.getAttributes().get(CLIENT);
        if (client != null) {
            clients.remove(client);
            client.disconnected();
        }
        if (session.getAttributes().get(PERMIT) instanceof StreamConnections.Permit permit) {
            permit.release();
        }
    }

    /** The topics named, or null after telling the client what is wrong. */
    private static Set<StreamTopic> topics(JsonNode subscribe, WebSocketClient client) {
        if (!subscribe.isArray()) {
            client.error("subscribe must be an array of topics");
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        subscribe.forEach(n -> names.add(n.asText()));
        if (names.isEmpty()) {
            return EnumSet.allOf(StreamTopic.class);
        }
        try {
            return StreamTopic.parse(String.join(",", names));
        } catch (StreamTopic.UnknownTopicException e) {
            client.error(e.getMessage());
            return null;
        }
    }
}
