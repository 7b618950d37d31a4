package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncline.gateway.security.Caller;
import io.syncline.gateway.security.Role;
import io.syncline.platform.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stream tickets on the {@code stream_tickets} table, H2 in PostgreSQL mode (the subclass runs them on
 * PostgreSQL). No test transaction: redemptions race each other on committed rows, as on a live gateway.
 */
@DataJpaTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:tickets-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "spring.flyway.locations=classpath:db/migration/live"
        })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = StreamJpaTestConfiguration.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class StreamTicketsTest {

    @Autowired
    StreamTicketRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private StreamTickets tickets;

    @BeforeEach
    void emptyTable() {
        repository.deleteAllInBatch();
        tickets = new StreamTickets(repository, clock);
    }

    @Test
    void aTicketCarriesItsUserMerchantAndRolesAndWorksOnce() {
        String ticket = tickets.issue(authentication("alice", "m1", "OPERATOR"));

        assertThat(ticket).hasSizeGreaterThanOrEqualTo(40).doesNotContain("alice");
        JwtAuthenticationToken redeemed = tickets.redeem(ticket).orElseThrow();
        assertThat(redeemed.isAuthenticated()).isTrue();
        assertThat(redeemed.getName()).isEqualTo("alice");
        assertThat(redeemed.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
        assertThat(Caller.of(redeemed)).contains(new Caller("alice", "m1", java.util.EnumSet.of(Role.OPERATOR)));
        assertThat(tickets.redeem(ticket)).isEmpty();
    }

    @Test
    void keepsOnlyTheSha256OfATicket() {
        String ticket = tickets.issue(authentication("alice", "m1", "VIEWER"));

        List<Map<String, Object>> rows = jdbc.queryForList("select * from stream_tickets");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("ticket_hash")).isEqualTo(StreamTickets.hash(ticket));
        assertThat(StreamTickets.hash(ticket)).matches("[0-9a-f]{64}");
        assertThat(rows.get(0).values())
                .allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(ticket));
        assertThat(rows.get(0))
                .containsEntry("user_id", "alice")
                .containsEntry("merchant_id", "m1")
                .containsEntry("roles", "VIEWER");
    }

    @Test
    void aTicketIssuedByOneInstanceIsRedeemedByAnotherOnce() {
        StreamTickets other = new StreamTickets(repository, clock);
        String ticket = tickets.issue(authentication("alice", "m1", "VIEWER"));

        assertThat(other.redeem(ticket)).map(JwtAuthenticationToken::getName).contains("alice");
        assertThat(tickets.redeem(ticket)).isEmpty();
        assertThat(other.redeem(ticket)).isEmpty();
    }

    @Test
    void aTicketExpiresAfterThirtySeconds() {
        String fresh = tickets.issue(authentication("alice", "m1", "VIEWER"));
        String stale = tickets.issue(authentication("alice", "m1", "VIEWER"));

        clock.advance(Duration.ofSeconds(29));
        assertThat(tickets.redeem(fresh)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tickets.redeem(stale)).isEmpty();
    }

    @Test
    void unknownOrBlankTicketsAreRefused() {
        assertThat(tickets.redeem("nope")).isEmpty();
        assertThat(tickets.redeem("")).isEmpty();
        assertThat(tickets.redeem(null)).isEmpty();
    }

    @Test
    void ofConcurrentRedemptionsOfOneTicketExactlyOneWins() throws Exception {
        int contenders = 6;
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        try {
            for (int round = 0; round < 15; round++) {
                String ticket = tickets.issue(authentication("alice", "m1", "VIEWER"));
                CyclicBarrier start = new CyclicBarrier(contenders);
                List<Future<Optional<JwtAuthenticationToken>>> results = new ArrayList<>();
                for (int i = 0; i < contenders; i++) {
                    // each contender its own "instance": nothing shared but the database
                    StreamTickets instance = new StreamTickets(repository, clock);
                    results.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return instance.redeem(ticket);
                    }));
                }
                int winners = 0;
                for (Future<Optional<JwtAuthenticationToken>> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
                }
                assertThat(winners)
                        .as("redemptions of one ticket that succeeded")
                        .isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void capsTheUnexpiredTicketsOfOneUser() {
        for (int i = 0; i < StreamTickets.MAX_OUTSTANDING_PER_USER; i++) {
            tickets.issue(authentication("alice", "m1", "VIEWER"));
        }

        assertThatThrownBy(() -> tickets.issue(authentication("alice", "m1", "VIEWER")))
                .isInstanceOf(StreamTickets.TooManyTicketsException.class)
                .satisfies(e -> assertThat(((StreamTickets.TooManyTicketsException) e).retryAfterSeconds())
                        .isEqualTo(30));
        assertThat(repository.count()).isEqualTo(StreamTickets.MAX_OUTSTANDING_PER_USER);
        assertThat(tickets.redeem(tickets.issue(authentication("bob", "m2", "VIEWER"))))
                .isPresent();

        clock.advance(StreamTickets.LIFETIME);
        assertThat(tickets.redeem(tickets.issue(authentication("alice", "m1", "VIEWER"))))
                .isPresent();
    }

    @Test
    void purgeDeletesExpiredTicketsOnly() {
        tickets.issue(authentication("alice", "m1", "VIEWER"));
        clock.advance(Duration.ofSeconds(20));
        String young = tickets.issue(authentication("alice", "m1", "VIEWER"));
        clock.advance(Duration.ofSeconds(10));

        assertThat(tickets.purgeExpired()).isEqualTo(1);
        assertThat(repository.count()).isEqualTo(1);
        assertThat(tickets.redeem(young)).isPresent();
    }

    static JwtAuthenticationToken authentication(String user, String merchant, String role) {
        Jwt jwt = Jwt.withTokenValue("secret-token")
                .header("alg", "HS256")
                .subject(user)
                .claim("merchant", merchant)
                .claim("roles", List.of(role))
                .issuedAt(Instant.EPOCH)
                .expiresAt(Instant.MAX)
                .build();
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }
}
