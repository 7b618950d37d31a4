package io.syncline.simulator.http;

/** A request the admin API refuses, answered as {@code application/problem+json}. */
public final class HttpProblem extends RuntimeException {

    private final int status;

    public HttpProblem(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, detail);
    }

    public static HttpProblem notFound(String detail) {
        return new HttpProblem(404, detail);
    }

    public static HttpProblem conflict(String detail) {
        return new HttpProblem(409, detail);
    }

    public int status() {
        return status;
    }

    public Reply reply() {
        return Reply.problem(status, getMessage());
    }
}
