package io.tokensockjs.protocol;

/** The errors the server sends on the wire, as stable strings clients can compare. */
public enum ErrorCode {
    INVALID_MESSAGE("Invalid message"),
    FORBIDDEN("Forbidden"),
    INVALID_TOKEN("Invalid token"),
    ALREADY_AUTHENTICATED("Already authenticated"),
    FUNCTION_NOT_FOUND("Function not found"),
    INVALID_REQUEST("Invalid request data"),
    INTERNAL_ERROR("Internal error"),
    TOO_MANY_REQUESTS("Too many requests"),
    /** {@code _history} of a channel that keeps none. */
    NO_HISTORY("No history"),
    SHUTTING_DOWN("Server shutting down");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The string sent as {@code "error"}. */
    public String wire() {
        return wire;
    }
}
