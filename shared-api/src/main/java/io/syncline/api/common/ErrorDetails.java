package io.syncline.api.common;

/**
 * Machine-readable details of a refused command or query, carried inside Axon's
 * {@code HandlerExecutionException} so they survive the trip through Axon Server.
 */
public record ErrorDetails(ErrorCode code, String message, String reference) {

    public static ErrorDetails of(ErrorCode code, String message) {
        return new ErrorDetails(code, message, null);
    }
}
