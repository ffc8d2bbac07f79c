package io.tokensockjs;

import jakarta.json.JsonValue;

/**
 * Sees every published message on its way to each subscribed socket of this server, and decides what that socket
 * gets: the message itself, a rewritten one, or nothing. Provide one or more as CDI beans; they run in
 * {@code jakarta.annotation.Priority} order (lowest first), each seeing the previous one's result. Filters run
 * on the delivery path, once per socket and message: keep them fast and never block.
 */
@FunctionalInterface
public interface MessageFilter {

    /**
     * @return the message to send to this socket, or null to send nothing
     */
    JsonValue filter(Socket socket, String channel, JsonValue message);
}
