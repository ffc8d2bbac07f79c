package io.tokensockjs.client;

import java.time.Duration;

/**
 * No answer came within the client's timeout. The request may still have reached the server and been carried out.
 */
public final class CallTimeoutException extends TokenSocketException {

    private static final long serialVersionUID = 1L;

    private final String rpc;

    CallTimeoutException(String rpc, Duration timeout) {
        super("No answer to " + rpc + " within " + timeout, null);
        this.rpc = rpc;
    }

    /** The function or internal request ({@code _subscribe}, {@code _ping}...) that went unanswered. */
    public String rpc() {
        return rpc;
    }
}
