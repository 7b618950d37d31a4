package io.syncline.gateway.ratelimit;

import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.GatewayProperties;
import io.syncline.gateway.web.ProblemType;
import io.syncline.gateway.web.ProblemWriter;
import io.syncline.gateway.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits {@code /api/**} per user, and the token endpoint per client address (it has no user yet).
 * Every limited response carries {@code RateLimit-Policy} and {@code RateLimit}; a refused one is
 * 429 with {@code Retry-After}. Runs after Spring Security, which has identified the user by then.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter implements Ordered {

    public static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;
    static final String TOKEN_ENDPOINT = "/api/auth/token";

    private final RateLimiter limiter;
    private final ProblemWriter problems;

    public RateLimitFilter(GatewayProperties properties, ProblemWriter problems) {
        this.limiter = new RateLimiter(properties.rateLimit());
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Decision decision = limiter.consume(key);
        response.setHeader("RateLimit-Policy", decision.policyHeader());
        response.setHeader("RateLimit", decision.limitHeader());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        problems.write(
                request,
                response,
                Problems.of(
                        ProblemType.RATE_LIMITED,
                        "Rate limit of " + decision.capacity() + " requests per " + decision.windowSeconds()
                                + " s exceeded; retry after " + decision.retryAfterSeconds() + " s"));
    }

    private static String key(HttpServletRequest request) {
        if (request.getRequestURI().equals(TOKEN_ENDPOINT)) {
            return "address:" + request.getRemoteAddr();
        }
        return Caller.current()
                .map(c -> "user:" + c.merchantId() + "/" + c.userId())
                .orElse(null);
    }
}
