package io.syncline.gateway.web;

import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details in the API's vocabulary. */
public final class Problems {

    /** Extension member listing the offending fields of a validation problem. */
    public static final String ERRORS = "errors";

    private Problems() {}

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    /** A 400 naming each offending field. */
    public static ProblemDetail validation(List<FieldMessage> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = of(ProblemType.VALIDATION, detail);
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    public static ProblemDetail validation(String field, String message) {
        return validation(List.of(new FieldMessage(field, message)));
    }
}
