package io.syncline.gateway.messaging;

/** A service did not answer in time, or none is there to answer. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
