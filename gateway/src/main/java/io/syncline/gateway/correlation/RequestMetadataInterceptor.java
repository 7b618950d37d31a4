package io.syncline.gateway.correlation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps every command and query the gateway sends with the request's {@code correlationId} and
 * the calling {@code userId}, so that the events it causes can be traced back to the request.
 * Keys the message already carries (e.g. from the unit of work it is sent in) are kept.
 */
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<Message<?>> {

    public static final String USER_ID = "userId";

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        Map<String, String> request = currentRequest();
        return (index, message) -> {
            Map<String, Object> missing = new HashMap<>();
            request.forEach((key, value) -> {
                if (!message.getMetaData().containsKey(key)) {
                    missing.put(key, value);
                }
            });
            return missing.isEmpty() ? message : message.andMetaData(missing);
        };
    }

    /** What the current thread knows of the request it serves; empty outside a request. */
    static Map<String, String> currentRequest() {
        Map<String, String> values = new HashMap<>();
        String correlationId = MDC.get(CorrelationIds.KEY);
        if (correlationId != null) {
            values.put(CorrelationIds.KEY, correlationId);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            values.put(USER_ID, auth.getName());
        }
        return values;
    }
}
