package io.tokensockjs.cdi;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Where the library joins the web application's start. A declared ({@code @WebListener}) listener, because
 * only declared listeners may add servlets: Liberty refuses {@code addServlet} from observers of CDI's own
 * initialised-context event and from listeners added in code.
 */
@WebListener
public class WebStartup implements ServletContextListener {

    @Inject
    SockJsEndpointInstaller sockJsEndpoints;

    @Inject
    TokenSocketsInstaller tokenSockets;

    @Inject
    OperationsInstaller operations;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        tokenSockets.install(event.getServletContext());
        sockJsEndpoints.install(event.getServletContext());
        operations.install(event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        sockJsEndpoints.stop();
        tokenSockets.stop();
    }
}
