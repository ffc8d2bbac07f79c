package io.tokensockjs.sockjs.transport;

import io.tokensockjs.sockjs.session.SockJsService;
import io.tokensockjs.sockjs.websocket.WebSocketDeployment;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

/**
 * Puts a service on the web: its servlet on {@code <prefix>/*} and, unless the websocket option is off, its
 * websocket endpoints. Must run while the web application is starting (a servlet context listener, a
 * container initializer or an observer of the initialised servlet context).
 */
public final class SockJsDeployment {

    private SockJsDeployment() {
    }

    public static void deploy(ServletContext context, SockJsService service) {
        String prefix = service.options().prefix();
        ServletRegistration.Dynamic servlet = context.addServlet("sockjs:" + service.name(), new SockJsServlet(service));
        if (servlet == null) {
            throw new IllegalStateException("A servlet named sockjs:" + service.name() + " is already registered");
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
        try {
            WebSocketDeployment.deploy(container, service);
        } catch (DeploymentException e) {
            throw new IllegalStateException("Could not deploy the websocket endpoints of SockJS service " + service.name(), e);
        }
    }
}
