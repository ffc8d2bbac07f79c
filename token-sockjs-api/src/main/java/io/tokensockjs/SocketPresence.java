package io.tokensockjs;

/**
 * Where one authenticated socket is, as every server of the cluster sees it.
 *
 * @param socketId the socket's id ({@link Socket#id()}), unique across the servers
 * @param user     the socket's user ({@link Socket#user()}), or null when its authentication data names none
 * @param server   the id of the server holding it ({@link TokenSocketServer#serverId()})
 */
public record SocketPresence(String socketId, String user, String server) {
}
