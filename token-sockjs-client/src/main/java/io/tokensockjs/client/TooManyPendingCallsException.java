package io.tokensockjs.client;

/**
 * The request was not sent: as many requests as the client allows ({@code maxPendingCalls}) are already waiting for
 * their answers. Wait for some of them, or allow more.
 */
public final class TooManyPendingCallsException extends TokenSocketException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    TooManyPendingCallsException(int limit) {
        super(limit + " requests are already waiting for an answer", null);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
