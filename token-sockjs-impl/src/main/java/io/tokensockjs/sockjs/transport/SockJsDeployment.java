package io.tokensockjs.sockjs.transport;

import io.tokensockjs.sockjs.session.SockJsService;
import io.tokensockjs.sockjs.websocket.HandshakePeer;
import io.tokensockjs.sockjs.websocket.WebSocketDeployment;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.util.EnumSet;

/**
 * Puts a service on the web: its servlet on {@code <prefix>/*} and, unless the websocket option is off, its
 * websocket endpoints. Must run while the web application is starting (a servlet context listener, a
 * container initializer or an observer of the initialised servlet context).
 */
public final class SockJsDeployment {

    /**
     * Servlet names become JMX object name values on some runtimes: Payara refuses a name holding {@code :} (and
     * then serves nothing on the mapping), so the prefix and the service names use JMX-safe characters only.
     */
    static final String SERVLET_NAME_PREFIX = "sockjs-";

    private SockJsDeployment() {
    }

    public static void deploy(ServletContext context, SockJsService service) {
        String prefix = service.options().prefix();
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME_PREFIX + service.name(), new SockJsServlet(service));
        if (servlet == null) {
            throw new IllegalStateException("A servlet named " + SERVLET_NAME_PREFIX + service.name() + " is already registered");
        }
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        var conflicts = servlet.addMapping(prefix + "/*");
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("SockJS prefix " + prefix + " is already mapped: " + conflicts);
        }
        if (!service.options().websocket()) {
            return;
        }
        ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        if (container == null) {
            throw new IllegalStateException("No WebSocket container: enable the websocket feature, or set the "
                    + "websocket option of SockJS service " + service.name() + " to false");
        }
        rememberHandshakePeers(context, prefix);
        try {
            WebSocketDeployment.deploy(container, service);
        } catch (DeploymentException e) {
            throw new IllegalStateException("Could not deploy the websocket endpoints of SockJS service " + service.name(), e);
        }
    }

    /**
     * Lets the websocket handshakes under the prefix learn the client's address ({@link HandshakePeer}): the filter
     * is mapped before any declared filter (and so before the container's upgrade filter where it has one), the
     * listener is added once per application.
     */
    private static void rememberHandshakePeers(ServletContext context, String prefix) {
        FilterRegistration registration = context.getFilterRegistration(HandshakePeer.NAME);
        if (registration == null) {
            HandshakePeer peers = new HandshakePeer();
            FilterRegistration.Dynamic filter = context.addFilter(HandshakePeer.NAME, peers);
            filter.setAsyncSupported(true);
            context.addListener(peers);
            registration = filter;
        }
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, prefix + "/*");
    }
}
