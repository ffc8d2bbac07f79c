package io.tokensockjs.client;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** The server answered a request with an error, or refused a token. */
public final class RemoteError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient JsonValue error;

    public RemoteError(JsonValue error) {
        super(error instanceof JsonString string ? string.getString() : String.valueOf(error));
        this.error = error;
    }

    /** The {@code error} the server sent. */
    public JsonValue error() {
        return error;
    }
}
