package io.syncline.gateway.web;

import java.net.URI;

/** The kinds of problem the API answers with (RFC 9457 {@code type}, {@code title}, {@code status}). */
public enum ProblemType {
    VALIDATION("validation", 400, "Invalid request"),
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    IDEMPOTENCY_IN_PROGRESS("idempotency-in-progress", 409, "Request still in progress"),
    /** A stream resume point older than the retention window, or never handed out. */
    STREAM_RESUME_EXPIRED("stream-resume-expired", 410, "Resume point expired"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", 422, "Unprocessable request"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable"),
    OTHER("about:blank", 0, null);

    private static final String PREFIX = "urn:syncline:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(this == OTHER ? slug : PREFIX + slug);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The general type for a status; {@link #OTHER} (about:blank) when none fits. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> RATE_LIMITED;
            case 500 -> INTERNAL;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> OTHER;
        };
    }
}
