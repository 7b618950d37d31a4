package io.syncline.gateway.idempotency;

import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.BodyTooLargeException;
import io.syncline.gateway.web.ProblemType;
import io.syncline.gateway.web.ProblemWriter;
import io.syncline.gateway.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on POSTs to {@code /api/**}: the first request with a key runs
 * and its response is kept; a replay with the same body gets that response again, one with another
 * body 422, one while the first still runs 409. Keys are scoped to the caller's merchant. A 5xx
 * answer is not kept, so the client may retry. Runs after security and rate limiting.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter implements Ordered {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 20;
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final ProblemWriter problems;

    public IdempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !path.startsWith("/api/")
                || path.startsWith("/api/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(request, response, Problems.validation(HEADER, "must be 1 to 255 visible ASCII characters"));
            return;
        }
        Optional<Caller> caller = Caller.current();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLargeException e) {
            problems.write(request, response, Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
            return;
        }
        String merchant = caller.get().merchantId();
        String hash = RequestHash.of(request.getMethod(), request.getRequestURI(), body);
        IdempotencyStore.Outcome outcome = store.begin(merchant, key, hash);
        switch (outcome.decision()) {
            case REPLAY -> replay(outcome.record(), response);
            case MISMATCH ->
                problems.write(
                        request,
                        response,
                        Problems.of(
                                ProblemType.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used for another request"));
            case IN_PROGRESS ->
                problems.write(
                        request,
                        response,
                        Problems.of(
                                ProblemType.IDEMPOTENCY_IN_PROGRESS,
                                "A request with this Idempotency-Key is still running; retry later"));
            case CLAIM -> run(new CachedBodyRequest(request, body), response, chain, merchant, key);
        }
    }

    private void run(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, String merchant, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
        } catch (ServletException | IOException | RuntimeException failure) {
            releaseQuietly(merchant, key);
            throw failure;
        }
        try {
            int status = captured.getStatus();
            if (status >= 500 || request.isAsyncStarted()) {
                releaseQuietly(merchant, key);
            } else {
                store.complete(
                        merchant,
                        key,
                        status,
                        captured.getHeader(HttpHeaders.LOCATION),
                        captured.getContentType(),
                        new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
            }
        } catch (RuntimeException storeFailure) {
            log.warn("Could not keep the response for Idempotency-Key {} of {}", key, merchant, storeFailure);
            releaseQuietly(merchant, key);
        } finally {
            captured.copyBodyToResponse();
        }
    }

    private void releaseQuietly(String merchant, String key) {
        try {
            store.release(merchant, key);
        } catch (RuntimeException e) {
            log.warn("Could not release Idempotency-Key {} of {}", key, merchant, e);
        }
    }

    private static void replay(IdempotencyRecord record, HttpServletResponse response) throws IOException {
        response.setStatus(record.responseStatus());
        response.setHeader(REPLAYED, "true");
        if (record.responseLocation() != null) {
            response.setHeader(HttpHeaders.LOCATION, record.responseLocation());
        }
        if (record.responseContentType() != null) {
            response.setContentType(record.responseContentType());
        }
        if (record.responseBody() != null && !record.responseBody().isEmpty()) {
            byte[] bytes = record.responseBody().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
