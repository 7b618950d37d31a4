package io.syncline.platform.processors;

import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * Where a shared processor starts when it has no token yet: at the lowest position of the processors whose groups it
 * takes over, so each of their projections goes on from where it was (the ones further on see a few events again,
 * as after a crash). Their tokens are removed in the same transaction, since nothing runs under those names any
 * more.
 */
final class InheritedToken {

    /** Whether the processors had tokens, and the lowest of them (null: from the start of the stream). */
    record Inheritance(boolean found, TrackingToken lowest) {}

    private InheritedToken() {}

    static Inheritance takeOver(TokenStore tokens, List<String> processors) {
        boolean found = false;
        TrackingToken lowest = null;
        for (String processor : processors) {
            for (int segment : tokens.fetchSegments(processor)) {
                TrackingToken token = WrappedToken.unwrapLowerBound(tokens.fetchToken(processor, segment));
                lowest = !found ? token : lower(lowest, token);
                found = true;
                tokens.deleteToken(processor, segment);
            }
        }
        return new Inheritance(found, lowest);
    }

    /** Null is the start of the stream, below every token. */
    private static TrackingToken lower(TrackingToken a, TrackingToken b) {
        return a == null || b == null ? null : a.lowerBound(b);
    }
}
