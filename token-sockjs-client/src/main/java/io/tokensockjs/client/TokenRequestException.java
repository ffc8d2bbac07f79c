package io.tokensockjs.client;

/**
 * The token route gave no token: it refused the request ({@code 403 {"error":"Forbidden"}}), failed, answered
 * something that is not a token, or could not be reached.
 */
public final class TokenRequestException extends TokenSocketException {

    private static final long serialVersionUID = 1L;

    private final int status;

    TokenRequestException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the answer, or 0 when there was none (connection refused, timeout). */
    public int status() {
        return status;
    }

    /**
     * Whether asking again is pointless until something changes: the route answered 401 or 403 (the credentials or the
     * session are not, or no longer, accepted).
     */
    public boolean isRefusal() {
        return status == 401 || status == 403;
    }
}
