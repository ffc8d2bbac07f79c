package io.tokensockjs;

/**
 * An error an application sends to the client: thrown by a controller function (or completing its
 * {@code CompletionStage}), its message becomes the {@code error} of the answer; or failing a call the server made
 * to a client, it carries the client's error.
 */
public class SocketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object error;

    /** An error whose message is sent to the client. */
    public SocketException(String message) {
        super(message);
        this.error = message;
    }

    /** An error whose message is sent to the client, with its cause kept for the server's logs only. */
    public SocketException(String message, Throwable cause) {
        super(message, cause);
        this.error = message;
    }

    /**
     * An error with structured data sent to the client as the {@code error} (anything JSON-B can write).
     *
     * @param message for the server's logs
     */
    public SocketException(String message, Object error) {
        super(message);
        this.error = error;
    }

    /** What the client gets (or sent) as the error: a string or structured data. */
    public Object error() {
        return error;
    }
}
