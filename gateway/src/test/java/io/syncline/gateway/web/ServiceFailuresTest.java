package io.syncline.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.api.common.Refusals;
import io.syncline.gateway.messaging.ServiceUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ServiceFailuresTest {

    @Test
    void mapsRefusalsToTheirStatus() {
        assertThat(status(Refusals.notFound("no such order"))).isEqualTo(404);
        assertThat(status(Refusals.conflict("shipped already"))).isEqualTo(409);
        assertThat(status(Refusals.invalid("bad"))).isEqualTo(422);
        assertThat(status(Refusals.duplicate("exists", "o-1"))).isEqualTo(409);
        ProblemDetail problem =
                ServiceFailures.problemFor(Refusals.conflict("shipped already")).orElseThrow();
        assertThat(problem.getDetail()).isEqualTo("shipped already");
        assertThat(problem.getType().toString()).isEqualTo("urn:syncline:problem:conflict");
    }

    @Test
    void findsRefusalsInsideFuturesWrappers() {
        assertThat(status(new CompletionException(Refusals.notFound("x")))).isEqualTo(404);
        assertThat(status(new ExecutionException(new CompletionException(Refusals.conflict("x")))))
                .isEqualTo(409);
        QueryExecutionException remote = new QueryExecutionException(
                "remote", null, Refusals.invalid("x").getDetails().orElseThrow());
        assertThat(status(remote)).isEqualTo(422);
    }

    @Test
    void mapsAxonsOwnFailures() {
        assertThat(status(new AggregateNotFoundException("m1/x", "missing"))).isEqualTo(404);
        assertThat(status(new CommandExecutionException("wrapped", new AggregateNotFoundException("a", "b"))))
                .isEqualTo(404);
        assertThat(status(new ConcurrencyException("changed"))).isEqualTo(409);
        assertThat(status(new NoHandlerForCommandException("none"))).isEqualTo(503);
        assertThat(status(new CompletionException(new NoHandlerForQueryException("none"))))
                .isEqualTo(503);
        assertThat(status(new ServiceUnavailableException("slow", new TimeoutException())))
                .isEqualTo(503);
        assertThat(status(new CompletionException(new TimeoutException()))).isEqualTo(503);
    }

    @Test
    void leavesOtherFailuresUnmapped() {
        assertThat(ServiceFailures.problemFor(new IllegalStateException("bug"))).isEmpty();
        assertThat(ServiceFailures.problemFor(new CommandExecutionException("no details", null)))
                .isEmpty();
    }

    @Test
    void unwrapsFutureWrappersOnly() {
        IllegalStateException cause = new IllegalStateException();
        assertThat(ServiceFailures.unwrap(new CompletionException(new ExecutionException(cause))))
                .isSameAs(cause);
        assertThat(ServiceFailures.unwrap(cause)).isSameAs(cause);
    }

    private static int status(Throwable failure) {
        return ServiceFailures.problemFor(failure).orElseThrow().getStatus();
    }
}
