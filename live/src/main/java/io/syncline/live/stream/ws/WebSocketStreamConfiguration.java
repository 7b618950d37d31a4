package io.syncline.live.stream.ws;

import io.syncline.live.stream.StreamAccessProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The live stream over WebSocket at {@code /ws}. The handshake is refused (403) for a browser
 * {@code Origin} that is neither the gateway's own nor in {@code syncline.stream.allowed-origins}, so that
 * another site cannot open a stream with the user's credentials. Tomcat negotiates permessage-deflate
 * when the client offers it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketStreamConfiguration implements WebSocketConfigurer {

    private final WebSocketStreamHandler handler;
    private final StreamAccessProperties access;

    WebSocketStreamConfiguration(WebSocketStreamHandler handler, StreamAccessProperties access) {
        this.handler = handler;
        this.access = access;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // no allowed origins listed: Spring's origin check admits the same origin only
        registry.addHandler(handler, "/ws")
                .addInterceptors(new CallerHandshakeInterceptor())
                .setAllowedOrigins(access.allowedOrigins().toArray(String[]::new));
    }
}
