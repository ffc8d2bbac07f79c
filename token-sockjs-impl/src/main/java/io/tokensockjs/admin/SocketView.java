package io.tokensockjs.admin;

import java.time.Instant;
import java.util.List;

/**
 * What the admin API shows of one socket. Everything but {@code server} comes from the client or its token request:
 * shown as data, never trusted.
 *
 * @param server      the server instance the socket is connected to ({@link SocketDirectory#LOCAL} for this one)
 * @param authSummary the socket's authentication data as JSON, cut at {@link #MAX_AUTH_SUMMARY} characters
 */
public record SocketView(String id, String server, String authSummary, String ip, String transport, List<String> channels,
        Instant created, long queuedBytes) {

    /** Longer authentication data is cut: the list shows who, not everything the application attached. */
    public static final int MAX_AUTH_SUMMARY = 256;

    /** The same socket, said to be on that server. */
    public SocketView onServer(String serverId) {
        return new SocketView(id, serverId, authSummary, ip, transport, channels, created, queuedBytes);
    }
}
