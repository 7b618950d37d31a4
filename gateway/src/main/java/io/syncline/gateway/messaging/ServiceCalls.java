package io.syncline.gateway.messaging;

import io.syncline.gateway.web.GatewayProperties;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.OptionalResponseType;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The gateway's only way to the services: commands and queries over Axon, each waited for at most
 * {@code syncline.gateway.service-timeout}. A service's failure is thrown as it came (unwrapped from
 * the future); no answer in time is a {@link ServiceUnavailableException}.
 */
@Component
public class ServiceCalls {

    private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration timeout;

    public ServiceCalls(CommandGateway commands, QueryGateway queries, GatewayProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.timeout = properties.serviceTimeout();
    }

    /** Sends a command and returns its handler's result. */
    public <R> R send(Object command) {
        return await(commands.send(command));
    }

    public <R> R query(Object query, ResponseType<R> responseType) {
        return await(queries.query(query, responseType));
    }

    /**
     * Subscribes to a query's updates; the caller closes the result. Ask for the initial result as an
     * instance (null when there is none), never as an Optional: across Axon Server the handling service
     * wraps its answer in the declared Optional, which travels as a bare {@code java.util.Optional} and
     * comes back holding a map where the view belongs.
     */
    public <I, U> SubscriptionQueryResult<I, U> subscribe(
            Object query, ResponseType<I> initial, ResponseType<U> updates) {
        if (initial instanceof OptionalResponseType) {
            throw new IllegalArgumentException("Ask for the initial result of "
                    + query.getClass().getSimpleName() + " as an instance (null when none), not " + initial);
        }
        return queries.subscriptionQuery(query, initial, updates);
    }

    /** The subscription's initial result; null when the query answered none. */
    public <I> I initial(SubscriptionQueryResult<I, ?> subscription) {
        return await(subscription.initialResult().toFuture());
    }

    /**
     * The first update matching {@code wanted} within {@code within}; empty when none came.
     * {@code seen} observes every update on the way.
     */
    public <U> Optional<U> firstUpdate(
            SubscriptionQueryResult<?, U> subscription, Predicate<U> wanted, Consumer<U> seen, Duration within) {
        if (within.isZero() || within.isNegative()) {
            return Optional.empty();
        }
        return subscription
                .updates()
                .doOnNext(seen)
                .filter(wanted)
                .take(within)
                .next()
                .onErrorResume(e -> {
                    log.debug("Updates ended early: {}", e.toString());
                    return Mono.empty();
                })
                .blockOptional();
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(cause);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException("No answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting for a service", e);
        }
    }
}
