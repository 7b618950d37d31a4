package io.syncline.live.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.FieldMessage;
import io.syncline.gateway.web.ProblemType;
import io.syncline.gateway.web.Problems;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live stream over Server-Sent Events. */
@RestController
@Tag(name = "streams")
class StreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final String LAST_EVENT_ID_PARAMETER = "lastEventId";

    private final StreamHub hub;
    private final StreamProperties properties;
    private final StreamConnections connections;

    StreamController(StreamHub hub, StreamProperties properties, StreamConnections connections) {
        this.hub = hub;
        this.properties = properties;
        this.connections = connections;
    }

    @GetMapping("/api/stream")
    @Operation(
            summary = "Live order and stock messages of the caller's merchant (Server-Sent Events)",
            description = "Each message has an event (order.placed, order.confirmed, order.rejected, "
                    + "order.cancelled, order.shipped, stock.changed, stock.low, stock.stockout-predicted, channel.status, health.changed) and JSON data "
                    + "with merchantId. Every message but health.changed and channel.status (live only) has an id: reconnecting with "
                    + "Last-Event-ID (or lastEventId) resumes after it without loss within the retention window "
                    + "(syncline.stream.retention, 24 h by default). A resume id older than that, or one never "
                    + "handed out, is answered 410: reload your state and reconnect without a resume id. "
                    + "Comment heartbeats keep the connection open; a retry hint is sent at connect.")
    @ApiResponse(
            responseCode = "200",
            description = "The stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "Unknown topic or malformed Last-Event-ID",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "410",
            description = "The resume id is older than the retention window or was "
                    + "never handed out: reload your state and reconnect without Last-Event-ID / lastEventId",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "429",
            description = "The user has max-connections-per-user streams open",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "503",
            description = "This instance holds max-connections streams",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<SseEmitter> stream(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "Comma-separated topics: orders, inventory, conflicts, health; all when absent")
                    @RequestParam(name = "topics", required = false)
                    String topics,
            @Parameter(description = "Resume after this message id (for clients that cannot set Last-Event-ID)")
                    @RequestParam(name = LAST_EVENT_ID_PARAMETER, required = false)
                    String lastEventIdParam,
            @Parameter(
                            description = "true: stock.changed of one SKU within the coalesce window "
                                    + "(syncline.stream.coalesce-window, 100 ms by default) arrive as the newest only")
                    @RequestParam(name = "coalesce", required = false)
                    Boolean coalesce,
            @Parameter(in = ParameterIn.HEADER, description = "Resume after this message id")
                    @RequestHeader(name = LAST_EVENT_ID, required = false)
                    String lastEventIdHeader)
            throws IOException {
        if (caller.merchantId() == null || caller.merchantId().isBlank()) {
            throw new ApiException(ProblemType.FORBIDDEN, "The token names no merchant");
        }
        Set<StreamTopic> wanted = topics(topics);
        boolean byHeader = lastEventIdHeader != null && !lastEventIdHeader.isBlank();
        String field = byHeader ? LAST_EVENT_ID : LAST_EVENT_ID_PARAMETER;
        Long lastEventId = lastEventId(field, byHeader ? lastEventIdHeader : lastEventIdParam);
        if (lastEventId != null && !hub.resumable(lastEventId)) {
            throw new ApiException(resumeExpired(field, lastEventId));
        }

        StreamConnections.Permit permit = permit(caller);
        // no timeout: heartbeats find clients that went away, and the hub closes streams on shutdown
        SseEmitter emitter = new SseEmitter(0L);
        StreamSubscription subscription;
        try {
            SseStreamSink sink = new SseStreamSink(emitter);
            sink.retryHint(properties.retry());
            subscription = hub.subscribe(caller.merchantId(), wanted, lastEventId, sink, Boolean.TRUE.equals(coalesce));
        } catch (IOException | RuntimeException e) {
            permit.release();
            throw e;
        }
        emitter.onCompletion(() -> {
            subscription.cancel();
            permit.release();
        });
        emitter.onTimeout(() -> {
            subscription.cancel();
            permit.release();
        });
        emitter.onError(e -> {
            subscription.cancel();
            permit.release();
        });
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    private StreamConnections.Permit permit(Caller caller) {
        try {
            return connections.acquire(caller.userId());
        } catch (StreamConnections.RefusedException e) {
            throw new ApiException(
                    e.refusal() == StreamConnections.Refusal.USER_LIMIT
                            ? ProblemType.RATE_LIMITED
                            : ProblemType.SERVICE_UNAVAILABLE,
                    e.getMessage());
        }
    }

    /** 410: the messages after that id are no longer all kept, or the id was never handed out. */
    private ProblemDetail resumeExpired(String field, long lastEventId) {
        ProblemDetail problem = Problems.of(
                ProblemType.STREAM_RESUME_EXPIRED,
                "Cannot resume after message "
                        + lastEventId + ": it is older than the retention window (" + properties.retention()
                        + ") or was never handed out. Reload your state, then reconnect without " + field + ".");
        problem.setProperty(
                Problems.ERRORS, List.of(new FieldMessage(field, "resume point expired; reconnect without it")));
        return problem;
    }

    private static Set<StreamTopic> topics(String topics) {
        try {
            return StreamTopic.parse(topics);
        } catch (StreamTopic.UnknownTopicException e) {
            throw ApiException.invalid("topics", e.getMessage());
        }
    }

    private static Long lastEventId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalid(field, "must be a message id (a non-negative integer)");
    }
}
