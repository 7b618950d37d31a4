package io.syncline.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.gateway.correlation.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes problems where no controller advice reaches: servlet filters and security handlers. */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        decorate(problem, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Adds the request path as {@code instance} and the correlation id, so a client can quote both. */
    public static ProblemDetail decorate(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null && request != null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException ignored) {
                // a path that is no valid URI is left out rather than echoed
            }
        }
        String correlationId = request == null ? null : CorrelationIds.of(request);
        if (correlationId != null) {
            problem.setProperty(CorrelationIds.KEY, correlationId);
        }
        return problem;
    }
}
