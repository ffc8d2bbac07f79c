package io.tokensockjs.server;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The token sockets of this server: every open one by connection id, and the authenticated ones. */
@ApplicationScoped
public class SocketRegistry {

    private final Map<String, SocketImpl> connected = new ConcurrentHashMap<>();
    private final Map<String, SocketImpl> authenticated = new ConcurrentHashMap<>();

    void connected(SocketImpl socket) {
        connected.put(socket.id(), socket);
    }

    void authenticated(SocketImpl socket) {
        authenticated.put(socket.id(), socket);
    }

    /** Forgets a closed socket. */
    void removed(SocketImpl socket) {
        connected.remove(socket.id(), socket);
        authenticated.remove(socket.id(), socket);
    }

    /** Any open socket with this connection id, authenticated or not. */
    SocketImpl connectedSocket(String id) {
        return connected.get(id);
    }

    Collection<SocketImpl> connectedSockets() {
        return Collections.unmodifiableCollection(connected.values());
    }

    /** The authenticated socket with this id, or null. */
    public SocketImpl authenticatedSocket(String id) {
        return authenticated.get(id);
    }

    public Collection<SocketImpl> authenticatedSockets() {
        return Collections.unmodifiableCollection(authenticated.values());
    }

    /**
     * This bean itself, not its client proxy: called through the proxy once, it gives the per-message path a plain
     * reference (why that is safe: the package-info of {@code io.tokensockjs.server}). Wrapped, because Weld's proxy
     * hands back itself for a method that returns {@code this}.
     */
    public Supplier<SocketRegistry> unproxied() {
        SocketRegistry self = this;
        return () -> self;
    }
}
