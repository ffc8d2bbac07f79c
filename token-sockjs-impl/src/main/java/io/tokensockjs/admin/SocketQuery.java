package io.tokensockjs.admin;

/**
 * Which sockets to list, and which page of them. Null filters match everything.
 *
 * @param channel   sockets subscribed to this channel
 * @param transport sockets on this transport ({@code websocket}, {@code xhr-streaming}, ...)
 * @param ip        sockets whose token request came from this address
 * @param text      sockets whose id or authentication summary contains this text
 */
public record SocketQuery(String channel, String transport, String ip, String text, int offset, int limit) {

    boolean matches(SocketView socket) {
        return (channel == null || socket.channels().contains(channel))
                && (transport == null || transport.equals(socket.transport()))
                && (ip == null || ip.equals(socket.ip()))
                && (text == null || socket.id().contains(text) || socket.authSummary().contains(text));
    }
}
