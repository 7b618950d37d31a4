package io.syncline.api.common;

import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;

/** Builds and reads the typed refusals that command handlers throw. */
public final class Refusals {

    private Refusals() {}

    public static CommandExecutionException notFound(String message) {
        return refuse(ErrorCode.NOT_FOUND, message, null);
    }

    public static CommandExecutionException conflict(String message) {
        return refuse(ErrorCode.CONFLICT, message, null);
    }

    public static CommandExecutionException invalid(String message) {
        return refuse(ErrorCode.INVALID, message, null);
    }

    public static CommandExecutionException duplicate(String message, String existingId) {
        return refuse(ErrorCode.DUPLICATE, message, existingId);
    }

    public static CommandExecutionException refuse(ErrorCode code, String message, String reference) {
        return new CommandExecutionException(message, null, new ErrorDetails(code, message, reference));
    }

    /** The details of the first refusal in the cause chain, if any. */
    public static Optional<ErrorDetails> detailsOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HandlerExecutionException hee) {
                Optional<ErrorDetails> details =
                        hee.getDetails().filter(ErrorDetails.class::isInstance).map(ErrorDetails.class::cast);
                if (details.isPresent()) {
                    return details;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
