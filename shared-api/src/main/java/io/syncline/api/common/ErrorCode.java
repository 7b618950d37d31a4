package io.syncline.api.common;

/** Why a command or query was refused; the gateway maps each code to an HTTP status. */
public enum ErrorCode {
    /** The addressed resource does not exist for this merchant (404). */
    NOT_FOUND,
    /** The current state forbids the action (409). */
    CONFLICT,
    /** The request breaks a rule of the domain (422 at the edge, 400 where the body is malformed). */
    INVALID,
    /** The same channel order exists already; {@link ErrorDetails#reference()} names it. */
    DUPLICATE
}
