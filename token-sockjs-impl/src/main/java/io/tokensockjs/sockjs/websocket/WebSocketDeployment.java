package io.tokensockjs.sockjs.websocket;

import io.tokensockjs.sockjs.session.SockJsService;
import io.tokensockjs.sockjs.session.RequestInfo;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Registers a service's two websocket endpoints with the container, in code, under the service's prefix. */
public final class WebSocketDeployment {

    static final String REQUEST_INFO = RequestInfo.class.getName();

    private WebSocketDeployment() {
    }

    /** Adds {@code <prefix>/{server}/{session}/websocket} (framed) and {@code <prefix>/websocket} (raw). */
    public static void deploy(ServerContainer container, SockJsService service) throws DeploymentException {
        String prefix = service.options().prefix();
        // On Payara: the sessions this container makes skip empty idle timers from their constructor on.
        TyrusIdleTimer.skipEmptyTimersOfContainer(container);
        container.addEndpoint(config(service, prefix + "/{server}/{session}/websocket", false));
        container.addEndpoint(config(service, prefix + "/websocket", true));
    }

    private static ServerEndpointConfig config(SockJsService service, String path, boolean raw) {
        return ServerEndpointConfig.Builder.create(SockJsWebSocketEndpoint.class, path)
                .configurator(new Configurator(service, raw))
                .build();
    }

    /** What is known of a websocket's request when the handshake details were not kept. */
    static RequestInfo requestInfo(Session socket, boolean raw) {
        return new RequestInfo(null, -1, Map.of(), socket.getRequestURI().toString(), raw ? "rawwebsocket" : "websocket");
    }

    /** Makes one endpoint per connection and keeps what the application may want of the handshake request. */
    private static final class Configurator extends ServerEndpointConfig.Configurator {
        private final SockJsService service;
        private final boolean raw;

        Configurator(SockJsService service, boolean raw) {
            this.service = service;
            this.raw = raw;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(request.getHeaders());
            String query = request.getQueryString();
            String path = request.getRequestURI().getRawPath();
            String url = path + (query == null ? "" : "?" + query);
            InetSocketAddress peer = HandshakePeer.of(path);
            // Jakarta WebSocket gives every connection its own copy of the user properties.
            config.getUserProperties().put(REQUEST_INFO, new RequestInfo(peer == null ? null : peer.getHostString(),
                    peer == null ? -1 : peer.getPort(), RequestInfo.keptHeaders(headers::get), url,
                    raw ? "rawwebsocket" : "websocket"));
            dropSessionMadeForTheHandshake(request);
        }

        /**
         * Liberty creates an HTTP session for every websocket handshake that arrives without one. A SockJS socket
         * never uses it, yet it stayed in the heap for the session timeout (30 minutes by default): a few KB per
         * socket, a quarter of what an idle socket cost. A session the client already had is left alone.
         */
        private static void dropSessionMadeForTheHandshake(HandshakeRequest request) {
            if (request.getHttpSession() instanceof HttpSession session) {
                try {
                    if (session.isNew()) {
                        session.invalidate();
                    }
                } catch (IllegalStateException alreadyInvalidated) {
                    // nothing to drop
                }
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return (T) new SockJsWebSocketEndpoint(service, raw);
        }
    }
}
