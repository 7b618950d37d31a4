package io.syncline.live.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.ProblemType;
import io.syncline.gateway.web.ProblemWriter;
import io.syncline.gateway.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issues stream tickets to callers holding a bearer token. */
@RestController
@Tag(name = "streams")
class StreamTicketController {

    /** The answer to a ticket request. */
    record TicketResponse(String ticket, long expiresIn) {}

    private final StreamTickets tickets;

    StreamTicketController(StreamTickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/api/stream/tickets")
    @Operation(
            summary = "A single-use ticket, valid 30 s on any gateway instance, to open /api/stream or /ws "
                    + "with ?ticket= instead of a token")
    @ApiResponse(
            responseCode = "201",
            description = "The ticket",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = TicketResponse.class)))
    @ApiResponse(
            responseCode = "429",
            description =
                    "The user holds 100 unused tickets already, or the rate " + "limit is exceeded (see Retry-After)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> issue(
            @Parameter(hidden = true) Authentication authentication,
            @Parameter(hidden = true) HttpServletRequest request) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "A valid bearer token is required");
        }
        String ticket;
        try {
            ticket = tickets.issue(token);
        } catch (DataAccessException | TransactionException e) {
            throw new ApiException(
                    ProblemType.SERVICE_UNAVAILABLE, "Stream tickets cannot be issued right now; " + "retry later");
        } catch (StreamTickets.TooManyTicketsException e) {
            ProblemDetail problem =
                    ProblemWriter.decorate(Problems.of(ProblemType.RATE_LIMITED, e.getMessage()), request);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new TicketResponse(ticket, StreamTickets.LIFETIME.toSeconds()));
    }
}
