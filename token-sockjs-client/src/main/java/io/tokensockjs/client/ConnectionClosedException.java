package io.tokensockjs.client;

/**
 * The connection closed before the request was answered (or before it could be sent), or could not be opened. The
 * {@link #status()} says how: the server's close frame ({@code 1001 "Server shutting down"}, {@code 4001
 * "Authentication refused"}, {@code 1008 "Outbound queue full"}...), {@code 1000} when this client closed it, or
 * {@code 1006} when the connection broke or never opened (the cause then says why). A request that was sent may or
 * may not have been carried out.
 */
public final class ConnectionClosedException extends TokenSocketException {

    private static final long serialVersionUID = 1L;

    private final CloseStatus status;

    ConnectionClosedException(CloseStatus status, Throwable cause) {
        super("Connection closed: " + status, cause);
        this.status = status;
    }

    public CloseStatus status() {
        return status;
    }
}
