package io.syncline.live.stream.ws;

import io.syncline.gateway.security.Caller;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/** Keeps the handshake's caller (from its token or ticket) with the session; refuses one without a merchant. */
final class CallerHandshakeInterceptor implements HandshakeInterceptor {

    static final String CALLER = Caller.class.getName();

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        Optional<Caller> caller = Caller.current();
        if (caller.isEmpty()
                || caller.get().merchantId() == null
                || caller.get().merchantId().isBlank()) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(CALLER, caller.get());
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {
        // nothing to undo
    }
}
