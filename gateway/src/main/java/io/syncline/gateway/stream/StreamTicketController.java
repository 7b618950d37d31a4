package io.syncline.gateway.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.ProblemType;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issues stream tickets to callers holding a bearer token. */
@RestController
@Tag(name = "streams")
class StreamTicketController {

    /** The answer to a ticket request. */
    record TicketResponse(String ticket, long expiresIn) {
    }

    private final StreamTickets tickets;

    StreamTicketController(StreamTickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/api/stream/tickets")
    @Operation(summary = "A single-use ticket, valid 30 s, to open /api/stream or /ws with ?ticket= instead of a token")
    ResponseEntity<TicketResponse> issue(@Parameter(hidden = true) Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "A valid bearer token is required");
        }
        String ticket = tickets.issue(token);
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new TicketResponse(ticket, StreamTickets.LIFETIME.toSeconds()));
    }
}
