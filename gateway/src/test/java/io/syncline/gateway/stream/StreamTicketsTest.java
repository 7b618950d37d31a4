package io.syncline.gateway.stream;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamTicketsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final StreamTickets tickets = new StreamTickets(clock);

    @Test
    void aTicketCarriesItsUserMerchantAndRolesAndWorksOnce() {
        JwtAuthenticationToken authentication = authentication("alice", "m1");
        String ticket = tickets.issue(authentication);

        assertThat(ticket).hasSizeGreaterThanOrEqualTo(40).doesNotContain("alice");
        JwtAuthenticationToken redeemed = tickets.redeem(ticket).orElseThrow();
        assertThat(redeemed.getToken().getSubject()).isEqualTo("alice");
        assertThat(redeemed.getToken().getClaimAsString("merchant")).isEqualTo("m1");
        assertThat(redeemed.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");
        assertThat(tickets.redeem(ticket)).isEmpty();
    }

    @Test
    void aTicketExpiresAfterThirtySeconds() {
        String fresh = tickets.issue(authentication("alice", "m1"));
        String stale = tickets.issue(authentication("alice", "m1"));

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
    void masksTicketsInLoggedQueryStrings() {
        assertThat(TicketLogMasking.mask("ticket=abc&topics=orders")).isEqualTo("ticket=***&topics=orders");
        assertThat(TicketLogMasking.mask("topics=orders&ticket=abc")).isEqualTo("topics=orders&ticket=***");
        assertThat(TicketLogMasking.mask("noticket=abc")).isEqualTo("noticket=abc");
        assertThat(TicketLogMasking.mask(null)).isNull();
    }

    private static JwtAuthenticationToken authentication(String user, String merchant) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject(user).claim("merchant", merchant)
                .claim("roles", List.of("VIEWER")).issuedAt(Instant.EPOCH).expiresAt(Instant.MAX).build();
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_VIEWER")));
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
