package io.syncline.gateway.web;

import org.springframework.http.ProblemDetail;

/** Ends a request with the given problem; thrown by the edge's own checks. */
public class ApiException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ApiException(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public ApiException(ProblemType type, String detail) {
        this(Problems.of(type, detail));
    }

    public ProblemDetail problem() {
        return problem;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(Problems.validation(field, message));
    }
}
