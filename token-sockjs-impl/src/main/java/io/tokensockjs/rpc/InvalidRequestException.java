package io.tokensockjs.rpc;

/** The request data of a call could not be bound to the function's parameter. */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
