package io.syncline.gateway.web;

import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.gateway.messaging.ServiceUnavailableException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.http.ProblemDetail;

/** Maps what a service answered a command or query with to the problem the client gets. */
public final class ServiceFailures {

    private ServiceFailures() {}

    /** The failure without the wrappers of futures and proxies. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException
                        || t instanceof ExecutionException
                        || t instanceof UndeclaredThrowableException)
                && t.getCause() != null
                && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The problem for a service's failure; empty when it is not one the client can be told about. */
    public static Optional<ProblemDetail> problemFor(Throwable failure) {
        Throwable t = unwrap(failure);
        Optional<ErrorDetails> refusal = Refusals.detailsOf(t);
        if (refusal.isPresent()) {
            return Optional.of(problemFor(refusal.get()));
        }
        if (find(t, AggregateNotFoundException.class) != null) {
            return Optional.of(Problems.of(ProblemType.NOT_FOUND, "No such resource"));
        }
        if (find(t, ConcurrencyException.class) != null) {
            return Optional.of(Problems.of(ProblemType.CONFLICT, "The resource changed concurrently; retry"));
        }
        if (find(t, ServiceUnavailableException.class) != null
                || find(t, TimeoutException.class) != null
                || find(t, AxonTimeoutException.class) != null) {
            return Optional.of(
                    Problems.of(ProblemType.SERVICE_UNAVAILABLE, "A service did not answer in time; retry later"));
        }
        if (find(t, NoHandlerForQueryException.class) != null || find(t, AxonTransientException.class) != null) {
            return Optional.of(Problems.of(
                    ProblemType.SERVICE_UNAVAILABLE, "A service needed for this request is unavailable; retry later"));
        }
        return Optional.empty();
    }

    /** NOT_FOUND→404, CONFLICT and DUPLICATE→409, INVALID→422. */
    public static ProblemDetail problemFor(ErrorDetails refusal) {
        ProblemType type =
                switch (refusal.code()) {
                    case NOT_FOUND -> ProblemType.NOT_FOUND;
                    case CONFLICT, DUPLICATE -> ProblemType.CONFLICT;
                    case INVALID -> ProblemType.UNPROCESSABLE;
                };
        return Problems.of(type, refusal.message());
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
