package io.tokensockjs.cluster;

import io.tokensockjs.SocketPresence;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where every authenticated socket of the cluster is and which channels it is on. Each change costs a constant
 * number of operations; reads leave out the entries of servers whose heartbeat expired, and a live server removes
 * those entries later (never by scanning keys). Methods that write throw when the store cannot be reached.
 */
public interface PresenceStore {

    void socketOpened(SocketPresence socket);

    void socketClosed(SocketPresence socket);

    void joined(String channel, SocketPresence socket);

    void left(String channel, SocketPresence socket);

    /** The sockets on a channel, on live servers. */
    List<SocketPresence> channel(String channel);

    /** Every socket on a live server. */
    List<SocketPresence> sockets();

    /** A socket of a live server, by id. */
    Optional<SocketPresence> socket(String socketId);

    /** The ids of the live servers, this one included. */
    Set<String> liveServers();

    /**
     * Refreshes this server's liveness and removes what dead servers left.
     *
     * @return true when this server had been taken for dead meanwhile (a pause longer than the time to live): its
     *         entries may be gone and must be written again
     */
    boolean heartbeat();

    /** This server stops: its liveness and entries go now. */
    void leave();
}
