package io.syncline.gateway.correlation;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Puts the {@link RequestMetadataInterceptor} on the gateways every controller sends through. */
@Component
public class RequestMetadataRegistration {

    public RequestMetadataRegistration(CommandGateway commandGateway, QueryGateway queryGateway) {
        RequestMetadataInterceptor interceptor = new RequestMetadataInterceptor();
        commandGateway.registerDispatchInterceptor(interceptor);
        queryGateway.registerDispatchInterceptor(interceptor);
    }
}
