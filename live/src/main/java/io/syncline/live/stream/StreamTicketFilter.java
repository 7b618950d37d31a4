package io.syncline.live.stream;

import io.syncline.gateway.web.ProblemType;
import io.syncline.gateway.web.ProblemWriter;
import io.syncline.gateway.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code GET /api/stream} and {@code GET /ws} by {@code ?ticket=} when no bearer token is
 * sent. Any other URL ignores the parameter, so a ticket never stands in for a token elsewhere.
 */
final class StreamTicketFilter extends OncePerRequestFilter {

    static final String PARAMETER = "ticket";
    static final RequestMatcher STREAMS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/stream"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/ws"));

    private final StreamTickets tickets;
    private final ProblemWriter problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    StreamTicketFilter(StreamTickets tickets, ProblemWriter problems) {
        this.tickets = tickets;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(PARAMETER) == null
                || !STREAMS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<JwtAuthenticationToken> authentication;
        try {
            authentication = tickets.redeem(request.getParameter(PARAMETER));
        } catch (DataAccessException | TransactionException e) {
            // tickets live in the database: without it no ticket can be checked (nor used up)
            problems.write(
                    request,
                    response,
                    Problems.of(
                            ProblemType.SERVICE_UNAVAILABLE,
                            "Stream tickets cannot be checked right now; retry later"));
            return;
        }
        if (authentication.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(
                    request,
                    response,
                    Problems.of(
                            ProblemType.UNAUTHORIZED,
                            "The stream ticket is invalid, expired or used already; ask for a new one"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
