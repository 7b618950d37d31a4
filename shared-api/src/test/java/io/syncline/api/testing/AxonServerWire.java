package io.syncline.api.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.axoniq.axonserver.grpc.command.Command;
import io.axoniq.axonserver.grpc.query.QueryRequest;
import io.axoniq.axonserver.grpc.query.QueryResponse;
import io.axoniq.axonserver.grpc.query.SubscriptionQuery;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.axonserver.connector.query.subscription.SubscriptionMessageSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.GenericQueryResponseMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Axon Server's wire without Axon Server: buses for the asking side that put every command, query,
 * subscription query, answer and update through the Axon Server connector's own serializers, as
 * between two processes, to the handlers on a local bus. A test thus sees what a handler's answer
 * becomes across Axon Server: the type it is serialized with, and what the asker's declared
 * response type makes of it. What Axon Server itself does in between (routing) changes no payload.
 */
public final class AxonServerWire {

    private static final long QUERY_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(10);
    /** {@code AxonServerQueryBus} asks a direct query for one result. */
    private static final int DIRECT_QUERY = 1;

    private final QuerySerializer queries;
    private final SubscriptionMessageSerializer subscriptions;
    private final CommandSerializer commands;

    /** The wire as the services configure it: {@code axon.serializer.*: jackson} with {@code objectMapper}. */
    public AxonServerWire(ObjectMapper objectMapper) {
        this(jackson(objectMapper));
    }

    public AxonServerWire(Serializer serializer) {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        this.queries = new QuerySerializer(serializer, serializer, configuration);
        this.subscriptions = new SubscriptionMessageSerializer(serializer, serializer, configuration);
        this.commands = new CommandSerializer(serializer, configuration);
    }

    /** The serializer Axon's Spring Boot configuration builds for {@code jackson} from the application's mapper. */
    public static Serializer jackson(ObjectMapper objectMapper) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper)
                .converter(new ChainingConverter())
                .build();
    }

    /** A query bus whose queries and subscription queries cross the wire to {@code handlers}. */
    public QueryBus queryBus(QueryBus handlers) {
        return new WireQueryBus(handlers);
    }

    /** A command bus whose commands cross the wire to {@code handlers}, and their results back. */
    public CommandBus commandBus(CommandBus handlers) {
        return new WireCommandBus(handlers);
    }

    private final class WireQueryBus implements QueryBus {

        private final QueryBus handlers;

        private WireQueryBus(QueryBus handlers) {
            this.handlers = handlers;
        }

        @Override
        public <Q, R> CompletableFuture<QueryResponseMessage<R>> query(QueryMessage<Q, R> query) {
            // as AxonServerQueryBus.query sends it (the response type as its forSerialization())...
            QueryRequest request = queries.serializeRequest(query, DIRECT_QUERY, QUERY_TIMEOUT_MS, 0, false);
            // ...and its ResponseProcessingTask reads the answer: converted by the declared response type
            return answer(request)
                    .thenApply(response -> queries.deserializeResponse(response, query.getResponseType()));
        }

        @Override
        public <Q, I, U>
                SubscriptionQueryResult<QueryResponseMessage<I>, SubscriptionQueryUpdateMessage<U>> subscriptionQuery(
                        SubscriptionQueryMessage<Q, I, U> query, int updateBufferSize) {
            // as AxonServerQueryBus.subscriptionQuery sends it
            QueryRequest request = subscriptions.serializeQuery(query);
            SubscriptionQuery subscription = SubscriptionQuery.newBuilder()
                    .setSubscriptionIdentifier(query.getIdentifier())
                    .setQueryRequest(request)
                    .setUpdateResponseType(subscriptions.serializeUpdateType(query))
                    .build();
            // the handling side registers the subscription as its LocalSegmentAdapter does...
            UpdateHandlerRegistration<Object> registration = handlers.queryUpdateEmitter()
                    .registerUpdateHandler(subscriptions.deserialize(subscription), updateBufferSize);
            Flux<SubscriptionQueryUpdateMessage<U>> updates =
                    registration.getUpdates().map(subscriptions::serialize).map(subscriptions::<U>deserialize);
            // ...and answers the initial result as a plain query of the subscription's request; the
            // asking side's AxonServerSubscriptionQueryResult takes that answer without converting it
            Mono<QueryResponseMessage<I>> initial =
                    Mono.fromFuture(() -> answer(request)).map(subscriptions::<I>deserialize);
            return new DefaultSubscriptionQueryResult<>(initial, updates, () -> {
                registration.complete();
                return true;
            });
        }

        /** The handling side: QueryProcessingTask's direct query, answered with the serialized response. */
        private CompletableFuture<QueryResponse> answer(QueryRequest request) {
            QueryMessage<Object, Object> received = queries.deserializeRequest(request);
            return handlers.query(received)
                    .exceptionally(
                            failure -> GenericQueryResponseMessage.asResponseMessage(Object.class, unwrap(failure)))
                    .thenApply(answer -> queries.serializeResponse(answer, request.getMessageIdentifier()));
        }

        @Override
        public <Q, R> Stream<QueryResponseMessage<R>> scatterGather(
                QueryMessage<Q, R> query, long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("not used across the wire");
        }

        @Override
        public <R> Registration subscribe(
                String queryName, Type responseType, MessageHandler<? super QueryMessage<?, R>> handler) {
            return handlers.subscribe(queryName, responseType, handler);
        }

        @Override
        public QueryUpdateEmitter queryUpdateEmitter() {
            return handlers.queryUpdateEmitter();
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super QueryMessage<?, ?>> interceptor) {
            return handlers.registerHandlerInterceptor(interceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor) {
            throw new UnsupportedOperationException("not used across the wire");
        }
    }

    private final class WireCommandBus implements CommandBus {

        private final CommandBus handlers;

        private WireCommandBus(CommandBus handlers) {
            this.handlers = handlers;
        }

        @Override
        public <C> void dispatch(CommandMessage<C> command) {
            dispatch(command, (c, r) -> {});
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            // as AxonServerCommandBus sends it, and the handling side's CommandProcessingTask answers it
            Command sent = commands.serialize(command, command.getIdentifier(), 0);
            CommandMessage<?> received = commands.deserialize(sent);
            handlers.dispatch(received, (handled, result) -> {
                CommandResultMessage<R> arrived =
                        commands.deserialize(commands.serialize(result, sent.getMessageIdentifier()));
                callback.onResult(command, arrived);
            });
        }

        @Override
        public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
            return handlers.subscribe(commandName, handler);
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
            return handlers.registerHandlerInterceptor(interceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            throw new UnsupportedOperationException("not used across the wire");
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
