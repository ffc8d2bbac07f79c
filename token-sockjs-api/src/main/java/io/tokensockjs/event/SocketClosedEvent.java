package io.tokensockjs.event;

import io.tokensockjs.Socket;

/**
 * An authenticated socket closed, by the client, by the server or because its connection broke.
 *
 * @param socket the socket, no longer open
 * @param code   the SockJS close code
 * @param reason the close reason
 */
public record SocketClosedEvent(Socket socket, int code, String reason) {
}
