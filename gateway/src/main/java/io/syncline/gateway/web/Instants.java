package io.syncline.gateway.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Moments given as query parameters: ISO-8601 with an offset; anything else is a 400 naming the parameter. */
public final class Instants {

    /** How the problem describes what is expected. */
    public static final String EXAMPLE = "an ISO-8601 instant such as 2026-12-04T14:02:00Z";

    private Instants() {}

    public static Instant parse(String field, String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            throw ApiException.invalid(field, "must be " + EXAMPLE);
        }
    }
}
