package io.syncline.orders.support;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the {@link ErrorDetails} of a refusal by code and, optionally, reference. */
public final class Refused {

    private Refused() {}

    public static Matcher<ErrorDetails> as(ErrorCode code) {
        return matcher(code, null, false);
    }

    public static Matcher<ErrorDetails> as(ErrorCode code, String reference) {
        return matcher(code, reference, true);
    }

    private static Matcher<ErrorDetails> matcher(ErrorCode code, String reference, boolean checkReference) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ErrorDetails details) {
                return details.code() == code && (!checkReference || Objects.equals(details.reference(), reference));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal " + code + (checkReference ? " referencing " + reference : ""));
            }
        };
    }
}
