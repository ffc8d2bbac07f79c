package io.tokensockjs.sockjs.websocket;

import jakarta.websocket.Session;

/**
 * The context class loader a websocket send runs with, chosen per container.
 *
 * <p>Tyrus (Payara) restarts a session's idle timer on every message it sends: it schedules a task on the
 * server's managed scheduled executor, whose context capture looks up the {@code ThreadContextProvider} services
 * of the thread's context class loader. On Payara that lookup walks every jar of the application and of the server
 * itself, and in the rpc benchmark it took more than a third of the server's CPU, on the sending side alone. The
 * timer's task does nothing with that loader (the endpoints set no idle timeout, so the task finds nothing to do),
 * so on Tyrus the send runs with the platform class loader, whose lookup is short and cached. Other containers
 * send with the caller's loader unchanged. Where {@link TyrusIdleTimer} took the empty timers off a socket there is
 * no capture left to lighten, and the socket sends with the caller's loader: this class is the fallback for a Tyrus
 * whose session it could not reach.
 */
final class SendLoader {

    private SendLoader() {
    }

    /** The loader to send with on this socket's container, or null to leave the caller's. */
    static ClassLoader forContainerOf(Session socket) {
        return isTyrus(socket.getClass().getName()) ? ClassLoader.getPlatformClassLoader() : null;
    }

    static boolean isTyrus(String sessionClassName) {
        return sessionClassName.startsWith("org.glassfish.tyrus.");
    }
}
