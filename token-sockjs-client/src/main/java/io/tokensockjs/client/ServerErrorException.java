package io.tokensockjs.client;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The server answered a request with an error: a function's {@code SocketException}, a veto's reason
 * ({@code "Forbidden"} by default), or one of the server's stable codes ({@code "Function not found"},
 * {@code "Invalid request data"}, {@code "Internal error"}, {@code "Too many requests"}...). Also what
 * {@link ClientListener#onError} receives for an error message that answers no request ({@link #rpc()} is then null).
 */
public final class ServerErrorException extends TokenSocketException {

    private static final long serialVersionUID = 1L;

    private final String rpc;
    private final transient JsonValue error;

    ServerErrorException(String rpc, JsonValue error) {
        super(text(error), null);
        this.rpc = rpc;
        this.error = error;
    }

    /** The function (or {@code _subscribe}, {@code _publish}...) whose request was answered so; null if none. */
    public String rpc() {
        return rpc;
    }

    /** The {@code error} the server sent: usually a string, but an application may send any JSON. */
    public JsonValue error() {
        return error;
    }

    static String text(JsonValue error) {
        return error instanceof JsonString string ? string.getString() : String.valueOf(error);
    }
}
