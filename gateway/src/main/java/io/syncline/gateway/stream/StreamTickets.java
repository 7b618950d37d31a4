package io.syncline.gateway.stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived single-use tickets that let a browser open a stream without putting its long-lived token
 * in a URL ({@code EventSource} and {@code WebSocket} cannot send headers). A ticket carries the
 * authentication it was issued for (user, merchant, roles). Kept in this instance's memory: a client
 * opens its stream on the instance it asked for the ticket, within {@link #LIFETIME}.
 */
@Component
public class StreamTickets {

    /** How long a ticket may wait to be used. */
    public static final Duration LIFETIME = Duration.ofSeconds(30);
    /** More outstanding tickets than this and the oldest are dropped, so a caller cannot fill the heap. */
    static final int MAX_OUTSTANDING = 100_000;

    private record Ticket(JwtAuthenticationToken authentication, Instant expiresAt) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    @Autowired
    public StreamTickets() {
        this(Clock.systemUTC());
    }

    StreamTickets(Clock clock) {
        this.clock = clock;
    }

    /** A new ticket for that authentication. */
    public String issue(JwtAuthenticationToken authentication) {
        Instant now = clock.instant();
        if (tickets.size() >= MAX_OUTSTANDING / 2) {
            tickets.values().removeIf(t -> !t.expiresAt().isAfter(now));
        }
        if (tickets.size() >= MAX_OUTSTANDING) {
            throw new IllegalStateException("Too many outstanding stream tickets");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(ticket, new Ticket(authentication, now.plus(LIFETIME)));
        return ticket;
    }

    /** The authentication of a valid ticket, which is used up by this call; empty when unknown, used or expired. */
    public Optional<JwtAuthenticationToken> redeem(String ticket) {
        if (ticket == null || ticket.isBlank()) {
            return Optional.empty();
        }
        Ticket found = tickets.remove(ticket);
        if (found == null || !found.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(found.authentication());
    }
}
