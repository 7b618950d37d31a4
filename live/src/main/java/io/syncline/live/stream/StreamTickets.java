package io.syncline.live.stream;

import io.syncline.gateway.auth.TokenService;
import io.syncline.gateway.security.SecurityConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Short-lived single-use tickets that let a browser open a stream without putting its long-lived token
 * in a URL ({@code EventSource} and {@code WebSocket} cannot send headers). A ticket stands for the user,
 * merchant and roles of the token it was issued for. Tickets live in the database, kept as their SHA-256
 * only, so that any gateway instance on the database redeems them, also after a restart, within
 * {@link #LIFETIME}.
 */
@Component
public class StreamTickets {

    /** How long a ticket may wait to be used. */
    public static final Duration LIFETIME = Duration.ofSeconds(30);
    /** Unexpired tickets one user may hold, so that a caller cannot fill the table. */
    static final int MAX_OUTSTANDING_PER_USER = 100;
    /** Stands in for the token value of a rebuilt authentication: the token itself is not kept. */
    private static final String TOKEN_VALUE = "stream-ticket";

    private static final Logger log = LoggerFactory.getLogger(StreamTickets.class);

    /** The user holds {@link #MAX_OUTSTANDING_PER_USER} unexpired tickets already. */
    public static final class TooManyTicketsException extends RuntimeException {

        TooManyTicketsException() {
            super("You hold " + MAX_OUTSTANDING_PER_USER + " unused stream tickets already; use them or retry in "
                    + LIFETIME.toSeconds() + " s, when they have expired");
        }

        /** Seconds after which every ticket outstanding now has expired. */
        public long retryAfterSeconds() {
            return LIFETIME.toSeconds();
        }
    }

    private final StreamTicketRepository repository;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    @Autowired
    public StreamTickets(StreamTicketRepository repository) {
        this(repository, Clock.systemUTC());
    }

    StreamTickets(StreamTicketRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * A new ticket for that authentication; throws {@link TooManyTicketsException} when its user holds
     * {@link #MAX_OUTSTANDING_PER_USER} unexpired tickets.
     */
    public String issue(JwtAuthenticationToken authentication) {
        Jwt jwt = authentication.getToken();
        List<String> roles = jwt.getClaimAsStringList(TokenService.ROLES);
        Instant now = clock.instant();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(ticket);
        repository.save(new StreamTicketRow(
                hash,
                jwt.getSubject(),
                jwt.getClaimAsString(TokenService.MERCHANT),
                roles == null ? List.of() : roles,
                now,
                now.plus(LIFETIME)));
        // counted after the insert: requests racing each other cannot all slip under the cap together
        if (repository.countByUserIdAndExpiresAtAfter(jwt.getSubject(), now) > MAX_OUTSTANDING_PER_USER) {
            repository.deleteById(hash);
            throw new TooManyTicketsException();
        }
        return ticket;
    }

    /** The authentication of a valid ticket, which is used up by this call; empty when unknown, used or expired. */
    public Optional<JwtAuthenticationToken> redeem(String ticket) {
        if (ticket == null || ticket.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(ticket);
        Optional<StreamTicketRow> found = repository.findById(hash);
        // the conditional delete decides: of two redemptions of one ticket, on any instances, one wins
        if (found.isEmpty() || repository.redeem(hash, clock.instant()) != 1) {
            return Optional.empty();
        }
        return Optional.of(authentication(found.get()));
    }

    /** Deletes the tickets that expired unused. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    public int purgeExpired() {
        int deleted = repository.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.debug("Deleted {} expired stream tickets", deleted);
        }
        return deleted;
    }

    /** The lower-case hex SHA-256 of a ticket: what the table keeps. */
    static String hash(String ticket) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** The authentication the ticket was issued for, as the bearer-token filter would have built it. */
    private static JwtAuthenticationToken authentication(StreamTicketRow row) {
        Jwt jwt = Jwt.withTokenValue(TOKEN_VALUE)
                .header("alg", "none")
                .subject(row.userId())
                .claim(TokenService.MERCHANT, row.merchantId())
                .claim(TokenService.ROLES, row.roles())
                .issuedAt(row.issuedAt())
                .expiresAt(row.expiresAt())
                .build();
        return (JwtAuthenticationToken)
                SecurityConfiguration.jwtAuthentication().convert(jwt);
    }
}
