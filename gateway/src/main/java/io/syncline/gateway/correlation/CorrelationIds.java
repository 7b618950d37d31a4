package io.syncline.gateway.correlation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The request's correlation id: header name, where it is kept, what a valid one looks like. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    /** MDC key and Axon metadata key. */
    public static final String KEY = "correlationId";

    public static final String ATTRIBUTE = CorrelationIds.class.getName();

    // Echoed into logs and headers, so anything that could forge a log line or a header is replaced.
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationIds() {}

    /** The client's id when it is acceptable, else a new UUID. */
    public static String acceptOrGenerate(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches()
                ? candidate
                : UUID.randomUUID().toString();
    }

    /** The id of the current request, if one was assigned. */
    public static String of(HttpServletRequest request) {
        Object value = request.getAttribute(ATTRIBUTE);
        return value instanceof String s ? s : MDC.get(KEY);
    }
}
