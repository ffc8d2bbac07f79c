package io.tokensockjs.metrics;

/** How a call ended, as the {@code outcome} label says it. */
public enum RpcOutcome {
    /** Answered with a value. */
    OK("ok"),
    /** Answered with the application's error (a {@code SocketException}, or the client's error). */
    ERROR("error"),
    /** The request data did not bind. */
    INVALID_REQUEST("invalid_request"),
    /** The function failed unexpectedly. */
    INTERNAL_ERROR("internal_error"),
    /** No such function. */
    NOT_FOUND("not_found"),
    /** Refused: too many calls in flight. */
    REFUSED("refused"),
    /** No answer within the timeout (calls to clients). */
    TIMEOUT("timeout"),
    /** The socket closed before the answer (calls to clients). */
    CLOSED("closed");

    private final String label;

    RpcOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
