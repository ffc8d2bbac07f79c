package io.tokensockjs.sockjs.websocket;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The client's address and port during a websocket handshake. Jakarta WebSocket has no standard way to learn them
 * (its {@code HandshakeRequest} offers headers, URI and session only), but every container performs the handshake of
 * an upgrade request on the thread that runs the request's servlet listeners and filter chain: the request's peer is
 * kept for that thread while the request is being handled, and {@link #of(String)} reads it from the handshake's
 * configurator. A filter (mapped before the container's own upgrade filter, where it has one) keeps it for exactly
 * the duration of the chain; a request listener keeps it too, for containers that upgrade before running filters.
 *
 * <p>Only JDK objects are held in the thread-local: a pooled container thread that outlives the application keeps no
 * reference to its class loader.
 */
public final class HandshakePeer implements Filter, ServletRequestListener {

    /** The filter's name in the servlet context. */
    public static final String NAME = "sockjs-handshake-peer";

    /** The raw path of the upgrade request, and its peer. */
    private static final ThreadLocal<Map.Entry<String, InetSocketAddress>> CURRENT = new ThreadLocal<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!remember(request)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!remember(event.getServletRequest())) {
            CURRENT.remove();
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        CURRENT.remove();
    }

    /**
     * The peer of the upgrade request being handled on this thread, if its path is the handshake's.
     *
     * @param rawPath the handshake's request path, still percent-encoded
     * @return null when no upgrade request with that path is being handled on this thread
     */
    static InetSocketAddress of(String rawPath) {
        Map.Entry<String, InetSocketAddress> current = CURRENT.get();
        return current != null && current.getKey().equals(rawPath) ? current.getValue() : null;
    }

    /** Keeps the peer of a websocket upgrade request; false for any other request. */
    private static boolean remember(ServletRequest request) {
        if (!(request instanceof HttpServletRequest http) || !"websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
            return false;
        }
        CURRENT.set(Map.entry(http.getRequestURI(),
                InetSocketAddress.createUnresolved(http.getRemoteAddr(), http.getRemotePort())));
        return true;
    }
}
