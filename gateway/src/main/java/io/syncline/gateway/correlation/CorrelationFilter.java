package io.syncline.gateway.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (the client's {@code X-Correlation-Id} or a new UUID), puts
 * it on the response before anything else can answer, and into the logging MDC. Runs ahead of
 * Spring Security so that 401 and 403 answers carry it too.
 */
@Component
public class CorrelationFilter extends OncePerRequestFilter implements Ordered {

    /** Ahead of security (-100) and of every other filter of the gateway. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(CorrelationIds.ATTRIBUTE) instanceof String assigned
                ? assigned
                : CorrelationIds.acceptOrGenerate(request.getHeader(CorrelationIds.HEADER));
        request.setAttribute(CorrelationIds.ATTRIBUTE, id);
        if (!response.isCommitted()) {
            response.setHeader(CorrelationIds.HEADER, id);
        }
        String previous = MDC.get(CorrelationIds.KEY);
        MDC.put(CorrelationIds.KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationIds.KEY);
            } else {
                MDC.put(CorrelationIds.KEY, previous);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        // an async dispatch (e.g. a stream) runs on another thread: restore the MDC there too
        return false;
    }
}
