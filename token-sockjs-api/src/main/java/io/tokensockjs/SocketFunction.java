package io.tokensockjs;

import jakarta.json.JsonValue;

/** A function added at run time with {@link TokenSocketServer#addFunction}. */
@FunctionalInterface
public interface SocketFunction {

    /**
     * @param socket the calling socket
     * @param data   the request data ({@code JsonValue.NULL} when none)
     * @return the answer (anything JSON-B can write), or a {@code CompletionStage} of it
     * @throws SocketException to send an error to the client; any other exception sends a generic error
     */
    Object call(Socket socket, JsonValue data) throws Exception;
}
