package io.syncline.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class RequestMetadataInterceptorTest {

    private final RequestMetadataInterceptor interceptor = new RequestMetadataInterceptor();

    @AfterEach
    void clear() {
        MDC.clear();
        SecurityContextHolder.clearContext();
    }

    @Test
    void addsTheRequestsCorrelationIdAndUser() {
        MDC.put("correlationId", "c-1");
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "HS256")
                .subject("alice")
                .claim("merchant", "m1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));

        Message<?> sent = interceptor.handle(command(MetaData.emptyInstance()));
        assertThat(sent.getMetaData()).containsEntry("correlationId", "c-1").containsEntry("userId", "alice");
        assertThat(sent).isInstanceOf(CommandMessage.class);
    }

    @Test
    void keepsWhatTheMessageCarriesAlready() {
        MDC.put("correlationId", "c-2");
        Message<?> sent = interceptor.handle(command(MetaData.with("correlationId", "from-event")));
        assertThat(sent.getMetaData()).containsEntry("correlationId", "from-event");
    }

    @Test
    void addsNothingOutsideARequest() {
        Message<?> sent = interceptor.handle(command(MetaData.emptyInstance()));
        assertThat(sent.getMetaData()).isEmpty();
    }

    @Test
    void acceptsOnlyHarmlessClientIds() {
        assertThat(CorrelationIds.acceptOrGenerate("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(CorrelationIds.acceptOrGenerate("a\nb")).hasSize(36);
        assertThat(CorrelationIds.acceptOrGenerate("x".repeat(129))).hasSize(36);
        assertThat(CorrelationIds.acceptOrGenerate(null)).hasSize(36);
    }

    private static Message<?> command(MetaData metaData) {
        return new GenericCommandMessage<>("payload").andMetaData(metaData);
    }
}
