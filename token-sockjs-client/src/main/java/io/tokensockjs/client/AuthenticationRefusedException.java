package io.tokensockjs.client;

import jakarta.json.JsonValue;

/**
 * The server refused the token on the socket ({@code "Invalid token"} for an unknown, expired or used token, or the
 * reason of the application's veto of the {@code AuthenticationEvent}); the server closes the socket.
 */
public final class AuthenticationRefusedException extends TokenSocketException {

    private static final long serialVersionUID = 1L;

    private final transient JsonValue error;

    AuthenticationRefusedException(JsonValue error) {
        super(ServerErrorException.text(error), null);
        this.error = error;
    }

    /** The {@code error} the server sent. */
    public JsonValue error() {
        return error;
    }
}
