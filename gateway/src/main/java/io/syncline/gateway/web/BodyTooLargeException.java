package io.syncline.gateway.web;

import java.io.IOException;

/** Thrown while reading a request body that grew beyond {@code syncline.gateway.max-body-size}. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
